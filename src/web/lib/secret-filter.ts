// The lookup's filter, and what Enter does with the text typed.
import type { Secret } from '../../csms/schemas.ts';

/** A secret matches when its name or description contains the text, in any case. */
export function filterSecrets(secrets: Secret[], text: string): Secret[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return secrets.slice();
  return secrets.filter((s) => s.name.toLowerCase().includes(needle) || (s.description ?? '').toLowerCase().includes(needle));
}

/** The one name that differs from `name` only in case (CSMS names are case-sensitive). */
export function sameButCase(name: string, names: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const candidate of names) if (candidate !== name && candidate.toLowerCase() === lower) return candidate;
  return undefined;
}

export type EnterOutcome =
  | { kind: 'open'; name: string }
  | { kind: 'did-you-mean'; name: string }
  | { kind: 'many'; count: number }
  /** The list cannot tell (not all loaded, or no match in a listing that may be old): ask CSMS. */
  | { kind: 'ask'; name: string };

/**
 * Enter opens the exact name; else the only match, unless it differs only in case (offered
 * instead). The matches are the secrets the list shows for this text (`shown`: tags and filters
 * count too), or, before the list shows it, those whose name or description holds it.
 */
export function enterOutcome(text: string, secrets: Secret[], complete: boolean, shown?: Secret[]): EnterOutcome {
  if (secrets.some((s) => s.name === text)) return { kind: 'open', name: text };
  if (!complete) return { kind: 'ask', name: text };
  const matching = shown ?? filterSecrets(secrets, text);
  const caseVariant = sameButCase(
    text,
    matching.map((s) => s.name),
  );
  if (caseVariant) return { kind: 'did-you-mean', name: caseVariant };
  if (matching.length === 1) return { kind: 'open', name: matching[0]!.name };
  if (matching.length > 1) return { kind: 'many', count: matching.length };
  return { kind: 'ask', name: text };
}
