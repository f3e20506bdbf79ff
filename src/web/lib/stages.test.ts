import { describe, expect, it } from 'vitest';
import { sortStages } from './stages.ts';

describe('sortStages', () => {
  it('puts the built-in stages first, then the others by name', () => {
    expect(sortStages(['GREEN', 'SYSPREVIOUS', 'AUDIT_HOLD', 'SYSCURRENT', 'BLUE'])).toEqual([
      'SYSCURRENT',
      'SYSPREVIOUS',
      'AUDIT_HOLD',
      'BLUE',
      'GREEN',
    ]);
  });
});
