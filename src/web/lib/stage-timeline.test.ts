import { describe, expect, it } from 'vitest';
import { stageTrace as trace } from '../../shared/testing/traces.ts';
import { historyOf } from './stage-timeline.ts';

describe('historyOf', () => {
  it('reads the stages now from the versions, and every move of every stage, newest first', () => {
    const traces = [
      trace(1, 'CreateSecret', { kind: 'created', version_id: 'v1' }),
      trace(2, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['SYSCURRENT'] }, 'bob'),
      trace(3, 'UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['blue'] }),
      { ...trace(4, 'UpdateSecretStage', { kind: 'set', version_id: 'v2', stages: ['blue'] }), code: '403' },
    ];
    const versions = [
      { id: 'v2', create_time: 2, version_stages: ['SYSCURRENT'] },
      { id: 'v1', create_time: 1, version_stages: ['SYSPREVIOUS', 'blue'] },
    ];
    const history = historyOf({ traces, recordsFrom: 0, complete: true, now: 10 }, versions, 1);
    expect(history.moves.map((m) => [m.time, m.stage, m.from, m.to, m.user, m.automatic])).toEqual([
      [3, 'blue', null, 'v1', 'ops', false],
      [2, 'SYSCURRENT', 'v1', 'v2', 'bob', false],
      [2, 'SYSPREVIOUS', null, 'v1', 'bob', true],
      [1, 'SYSCURRENT', null, 'v1', 'ops', false],
    ]);
  });
});
