import { describe, expect, it } from 'vitest';
import { stageTrace as trace } from './testing/traces.ts';
import { stageAt, stageMoves } from './stage-history.ts';

const H = 3600_000;

// v1 created, v2 created (SYSCURRENT → v2, SYSPREVIOUS → v1), SYSCURRENT moved back to v1 by hand.
const traces = [
  trace(30 * H, 'UpdateSecretStage', 'v1', ['SYSCURRENT'], 'li.wei'),
  trace(20 * H, 'CreateSecretVersion', 'v2', ['SYSCURRENT']),
  trace(10 * H, 'CreateSecret', 'v1', ['SYSCURRENT']),
  { ...trace(25 * H, 'UpdateSecretStage', 'v9', ['SYSCURRENT']), code: '404' },
  { trace_id: 'r', trace_name: 'ShowSecretVersion', time: 26 * H },
];

describe('stage moves', () => {
  it('are the successful changes of one stage, newest first, each with the version it left', () => {
    expect(stageMoves(traces, 'SYSCURRENT').map((m) => [m.time / H, m.from, m.version_id, m.user])).toEqual([
      [30, 'v2', 'v1', 'li.wei'],
      [20, 'v1', 'v2', 'ops'],
      [10, undefined, 'v1', 'ops'],
    ]);
  });

  it('include SYSPREVIOUS moving to the version a new SYSCURRENT version replaced', () => {
    expect(stageMoves(traces, 'SYSPREVIOUS').map((m) => [m.time / H, m.version_id])).toEqual([[20, 'v1']]);
  });
});

describe('where a stage pointed', () => {
  const moves = stageMoves(traces, 'SYSCURRENT');
  const now = { version_id: 'v1', update_time: 30 * H };
  it('is the last move at or before the time', () => {
    expect(stageAt(moves, 22 * H, now, 0)).toMatchObject({ known: true, version_id: 'v2', since: { time: 20 * H } });
    expect(stageAt(moves, 30 * H, now, 0)).toMatchObject({ known: true, version_id: 'v1' });
  });

  it('is unknown before the secret existed, or before the records begin', () => {
    expect(stageAt(moves, 5 * H, now, 0)).toMatchObject({ known: false, reason: 'did-not-exist' });
    const recent = stageMoves([traces[0]!], 'SYSCURRENT');
    expect(stageAt(recent, 29 * H, now, 28 * H)).toMatchObject({ known: false, reason: 'before-records', next: { version_id: 'v1' } });
  });

  it('is where it points now when nothing moved it since, by the records or by its update time', () => {
    expect(stageAt([], 29 * H, now, 28 * H)).toEqual({ known: true, version_id: 'v1' });
    expect(stageAt([], 31 * H, now, 40 * H)).toEqual({ known: true, version_id: 'v1' });
    expect(stageAt([], 29 * H, now, 40 * H)).toEqual({ known: false, reason: 'before-records' });
  });
});
