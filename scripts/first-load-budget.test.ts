import { describe, expect, it } from 'vitest';
import { budgetOf, CEILING_SLACK, ceilingsFor, grownModules, judge } from './first-load-budget.ts';

describe('first-load budget', () => {
  const floor = 100_000;

  it('is 1.35× the floor, in whole bytes', () => {
    expect(budgetOf(floor)).toBe(135_000);
    expect(budgetOf(100_001)).toBe(135_001);
  });

  it('fails a page exactly when it is over the budget', () => {
    const { budget, over, notYetWithin } = judge({ lookup: 135_000, stage: 135_001 }, floor, {});
    expect(budget).toBe(135_000);
    expect(over).toEqual([{ page: 'stage', bytes: 135_001, limit: 135_000, by: 'budget' }]);
    expect(notYetWithin.map((v) => v.page)).toEqual(['stage']);
  });

  it('lets a page within the budget grow up to it, whatever its old ceiling: a hash renamed elsewhere fails nothing', () => {
    expect(judge({ version: 134_999 }, floor, { version: 130_000 }).over).toEqual([]);
  });

  it('holds a page not yet within the budget to its ceiling and slack, and names it', () => {
    const ceilings = { lookup: 140_000, stage: 140_000 };
    const { over, notYetWithin } = judge({ lookup: 140_000 + CEILING_SLACK, stage: 140_001 + CEILING_SLACK }, floor, ceilings);
    expect(over).toEqual([{ page: 'stage', bytes: 140_001 + CEILING_SLACK, limit: 140_000 + CEILING_SLACK, by: 'ceiling' }]);
    expect(notYetWithin.map((v) => v.page)).toEqual(['lookup', 'stage']);
  });

  it('passes a page brought within the budget under its old ceiling', () => {
    const { over, notYetWithin } = judge({ lookup: 134_000 }, floor, { lookup: 140_000 });
    expect(over).toEqual([]);
    expect(notYetWithin).toEqual([]);
  });

  it('takes the factor it is given', () => {
    expect(judge({ lookup: 100_001 }, floor, {}, 1).over).toHaveLength(1);
    expect(judge({ lookup: 120_001 }, floor, {}, 1.2).over).toHaveLength(1);
  });

  it('writes a ceiling only for the pages over the budget', () => {
    expect(ceilingsFor({ lookup: 140_000, stage: 135_000, version: 120_000 }, 135_000)).toEqual({ lookup: 140_000 });
    expect(ceilingsFor({ stage: 135_000 }, 135_000)).toEqual({});
  });

  it('names the modules that grew, largest first, and none that shrank or stayed', () => {
    const grown = grownModules({ a: 100, b: 100, c: 100 }, { a: 90, b: 100, c: 150, d: 20 });
    expect(grown).toEqual([
      { module: 'c', bytes: 50 },
      { module: 'd', bytes: 20 },
    ]);
  });
});
