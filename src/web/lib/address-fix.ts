// What an address that cannot be right probably meant: `3` or `V3` for the version v3, `LATEST`
// for latest. Nothing is guessed for names: a search for the text is offered instead.
const VERSION_NUMBER = /^[vV]?([0-9]{1,10})$/;

export function versionFix(value: string): string | undefined {
  const number = VERSION_NUMBER.exec(value)?.[1];
  if (number !== undefined) return `v${number}`;
  return value.toLowerCase() === 'latest' ? 'latest' : undefined;
}
