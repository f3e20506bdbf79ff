// What an address that cannot be right probably meant: `3` or `V3` for the version v3, `LATEST`
// for latest; a link pasted from chat loses what the sentence put around it (a space, a full stop,
// a closing bracket or quote). Nothing else is guessed for names: a search for the text is offered.
import { NAME_PATTERN } from '../../shared/patterns.ts';

const VERSION_NUMBER = /^[vV]?([0-9]{1,10})$/;
// Around a link in a sentence: spaces, quotes and brackets, and punctuation after it.
const PASTED_AROUND = /^[\s"'“‘(<[]+|[\s"'”’)>\].,;:!?]+$/g;

const unpasted = (value: string) => value.replace(PASTED_AROUND, '');

export function versionFix(value: string): string | undefined {
  const number = VERSION_NUMBER.exec(unpasted(value))?.[1];
  if (number !== undefined) return `v${number}`;
  return unpasted(value).toLowerCase() === 'latest' ? 'latest' : undefined;
}

/** The secret or stage name a pasted `jwt-signing-key.` or `SYSCURRENT)` almost is, if that is a valid name. */
export function nameFix(value: string): string | undefined {
  const name = unpasted(value);
  return name !== value && NAME_PATTERN.test(name) ? name : undefined;
}
