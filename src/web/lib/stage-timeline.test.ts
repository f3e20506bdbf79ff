import { describe, expect, it } from 'vitest';
import { stageTrace as trace } from '../../csms/testing/traces.ts';
import { allStageMoves } from './stage-timeline.ts';

describe('allStageMoves', () => {
  it('every stage, SYSPREVIOUS implied, newest first, failed calls left out', () => {
    const traces = [
      trace(1, 'CreateSecret', 'v1', ['SYSCURRENT']),
      trace(2, 'CreateSecretVersion', 'v2', ['SYSCURRENT'], 'bob'),
      trace(3, 'UpdateSecretStage', 'v1', ['blue']),
      { ...trace(4, 'UpdateSecretStage', 'v2', ['blue']), code: '403' },
    ];
    expect(allStageMoves(traces).map((m) => [m.time, m.stage, m.version_id, m.from, m.user])).toEqual([
      [3, 'blue', 'v1', undefined, 'ops'],
      [2, 'SYSCURRENT', 'v2', 'v1', 'bob'],
      [2, 'SYSPREVIOUS', 'v1', undefined, 'bob'],
      [1, 'SYSCURRENT', 'v1', undefined, 'ops'],
    ]);
  });

  it('no traces, no moves', () => {
    expect(allStageMoves([])).toEqual([]);
  });
});
