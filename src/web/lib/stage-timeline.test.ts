import { describe, expect, it } from 'vitest';
import type { Trace } from '../../csms/schemas.ts';
import { allStageMoves } from './stage-timeline.ts';

const trace = (time: number, trace_name: string, version_id: string, stages: string[], user = 'alice'): Trace => ({
  trace_id: `t${time}`,
  trace_name,
  time,
  code: '200',
  user: { name: user },
  change: { version_id, stages },
});

describe('allStageMoves', () => {
  it('every stage, SYSPREVIOUS implied, newest first, failed calls left out', () => {
    const traces = [
      trace(1, 'CreateSecret', 'v1', ['SYSCURRENT']),
      trace(2, 'CreateSecretVersion', 'v2', ['SYSCURRENT'], 'bob'),
      trace(3, 'UpdateSecretStage', 'v1', ['blue']),
      { ...trace(4, 'UpdateSecretStage', 'v2', ['blue']), code: '403' },
    ];
    expect(allStageMoves(traces).map((m) => [m.time, m.stage, m.version_id, m.from, m.user])).toEqual([
      [3, 'blue', 'v1', undefined, 'alice'],
      [2, 'SYSCURRENT', 'v2', 'v1', 'bob'],
      [2, 'SYSPREVIOUS', 'v1', undefined, 'bob'],
      [1, 'SYSCURRENT', 'v1', undefined, 'alice'],
    ]);
  });

  it('no traces, no moves', () => {
    expect(allStageMoves([])).toEqual([]);
  });
});
