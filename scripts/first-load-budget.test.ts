import { describe, expect, it } from 'vitest';
import { grownModules, judge } from './first-load-budget.ts';

describe('first-load budget', () => {
  const floor = 100_000;

  it('holds a page within 1.35× the floor to the budget when its ceiling is higher', () => {
    const { budget, over, notYetWithin } = judge({ lookup: 135_000 }, floor, { lookup: 150_000 });
    expect(budget).toBe(135_000);
    expect(over).toEqual([]);
    expect(notYetWithin).toEqual([]);
  });

  it('holds a page not yet within the budget to its ceiling, and names it', () => {
    const { over, notYetWithin } = judge({ lookup: 140_000, stage: 150_001 }, floor, { lookup: 150_000, stage: 150_000 });
    expect(over).toEqual([{ page: 'stage', bytes: 150_001, limit: 150_000, by: 'ceiling' }]);
    expect(notYetWithin.map((v) => v.page)).toEqual(['lookup', 'stage']);
  });

  it('holds a page to its ceiling when the ceiling is under the budget', () => {
    const { verdicts, over } = judge({ lookup: 120_001 }, floor, { lookup: 120_000 });
    expect(verdicts[0]).toMatchObject({ limit: 120_000, by: 'ceiling' });
    expect(over.map((v) => v.page)).toEqual(['lookup']);
  });

  it('holds a page without a ceiling to the budget alone', () => {
    expect(judge({ version: 140_000 }, floor, {}).over).toEqual([{ page: 'version', bytes: 140_000, limit: 135_000, by: 'budget' }]);
  });

  it('takes the factor it is given', () => {
    expect(judge({ lookup: 100_001 }, floor, {}, 1).over).toHaveLength(1);
  });

  it('names the modules that grew, largest first, and none that shrank or stayed', () => {
    const grown = grownModules({ a: 100, b: 100, c: 100 }, { a: 90, b: 100, c: 150, d: 20 });
    expect(grown).toEqual([
      { module: 'c', bytes: 50 },
      { module: 'd', bytes: 20 },
    ]);
  });
});
