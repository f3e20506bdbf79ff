// The first-load rule `npm test` holds (scripts/check-first-load.ts), apart from the build: each
// core page's first load (gzip bytes) may weigh at most FLOOR_FACTOR × the floor app's, built in
// the same run, and no more than its ceiling (the bytes of the last cut, so a growth under the
// budget still shows, naming the modules that grew). A page whose ceiling is still over the budget
// is held to that ceiling, a ratchet that only comes down, and named as not yet within the budget
// on every run: the budget is then not met, and the check says so rather than failing every run.

/** The decided budget: a core page's first load against the floor app's. */
export const FLOOR_FACTOR = 1.35;

export interface PageVerdict {
  page: string;
  bytes: number;
  /** The lower of the budget and the page's ceiling. */
  limit: number;
  /** Which of the two the limit is. */
  by: 'budget' | 'ceiling';
}

/** Each page with its limit; those over it fail. A page without a ceiling is held by the budget alone. */
export function judge(sizes: Record<string, number>, floor: number, ceilings: Record<string, number>, factor = FLOOR_FACTOR) {
  const budget = Math.floor(floor * factor);
  const verdicts = Object.entries(sizes).map(([page, bytes]): PageVerdict => {
    const ceiling = ceilings[page] ?? Infinity;
    return ceiling < budget || (ceiling !== Infinity && bytes > budget)
      ? { page, bytes, limit: ceiling, by: 'ceiling' }
      : { page, bytes, limit: budget, by: 'budget' };
  });
  return { budget, verdicts, over: verdicts.filter((v) => v.bytes > v.limit), notYetWithin: verdicts.filter((v) => v.bytes > budget) };
}

/** The modules that grew between two measures of a page, largest growth first. */
export function grownModules(before: Record<string, number>, now: Record<string, number>, count = 10) {
  return Object.entries(now)
    .map(([module, bytes]) => ({ module, bytes: bytes - (before[module] ?? 0) }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
