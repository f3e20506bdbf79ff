// The first-load rule `npm test` holds (scripts/check-first-load.ts), apart from the build: each
// core page's first load (gzip bytes) may weigh at most FLOOR_FACTOR × the floor app's, built in
// the same run. A page not yet brought within that budget has a ceiling (the bytes of its last
// cut, bench/first-load-ceilings.json): it may not grow past it, and it is named as not yet within
// the budget on every run. A page within the budget needs no ceiling: it fails when over the budget
// and only then, whatever else changed.

/** The decided budget: a core page's first load against the floor app's. */
export const FLOOR_FACTOR = 1.35;

/** What a ceiling allows above itself: a change elsewhere renames chunks (their hashes), which moves
 * a page's gzip bytes by a few either way; a growth of the page's own code is more. */
export const CEILING_SLACK = 64;

/** The most a page may weigh: FLOOR_FACTOR × the floor, in whole bytes. */
export const budgetOf = (floor: number, factor = FLOOR_FACTOR) => Math.floor(floor * factor);

export interface PageVerdict {
  page: string;
  bytes: number;
  /** The budget, or the ceiling (with its slack) of a page not yet within the budget. */
  limit: number;
  /** Which of the two the limit is. */
  by: 'budget' | 'ceiling';
}

/** Each page with its limit; those over it fail. */
export function judge(sizes: Record<string, number>, floor: number, ceilings: Record<string, number>, factor = FLOOR_FACTOR) {
  const budget = budgetOf(floor, factor);
  const verdicts = Object.entries(sizes).map(([page, bytes]): PageVerdict => {
    const ceiling = ceilings[page];
    return ceiling !== undefined && ceiling > budget
      ? { page, bytes, limit: ceiling + CEILING_SLACK, by: 'ceiling' }
      : { page, bytes, limit: budget, by: 'budget' };
  });
  return { budget, verdicts, over: verdicts.filter((v) => v.bytes > v.limit), notYetWithin: verdicts.filter((v) => v.bytes > budget) };
}

/** The ceilings `--update` writes: only the pages not yet within the budget have one. */
export const ceilingsFor = (sizes: Record<string, number>, budget: number) =>
  Object.fromEntries(Object.entries(sizes).filter(([, bytes]) => bytes > budget));

/** The modules that grew between two measures of a page, largest growth first. */
export function grownModules(before: Record<string, number>, now: Record<string, number>, count = 10) {
  return Object.entries(now)
    .map(([module, bytes]) => ({ module, bytes: bytes - (before[module] ?? 0) }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
