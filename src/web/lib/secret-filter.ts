// The lookup's filter, and what Enter does with the text typed.
import type { Secret } from '../../shared/schemas.ts';

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

/** At most this many choices under the name box: the list below shows them all. */
export const MAX_CHOICES = 5;

export type EnterOutcome =
  | { kind: 'open'; name: string }
  /** No exact name, but secrets that match: the first few, how many, and one that differs only in case. */
  | { kind: 'choose'; names: string[]; count: number; caseVariant?: string }
  /** The list cannot tell (not all loaded, or no match in a listing that may be old): ask CSMS. */
  | { kind: 'ask'; name: string };

/**
 * Enter opens the exact name only: a partial name never opens a secret, since a near name may be
 * another environment's ("jwt-signing-key" typed, "staging-jwt-signing-key" shown). The choices are
 * the secrets the list shows for this text (`shown`: tags and filters count too), or, before the
 * list shows it, those whose name or description holds it.
 */
export function enterOutcome(text: string, secrets: Secret[], complete: boolean, shown?: Secret[]): EnterOutcome {
  if (secrets.some((s) => s.name === text)) return { kind: 'open', name: text };
  if (!complete) return { kind: 'ask', name: text };
  const matching = (shown ?? filterSecrets(secrets, text)).map((s) => s.name);
  if (matching.length === 0) return { kind: 'ask', name: text };
  const caseVariant = sameButCase(text, matching);
  return { kind: 'choose', names: matching.slice(0, MAX_CHOICES), count: matching.length, caseVariant };
}
