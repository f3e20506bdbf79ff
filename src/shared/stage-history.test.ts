import { describe, expect, it } from 'vitest';
import { stageTrace as trace } from './testing/traces.ts';
import { stageAt, stageHistory, type StageHistoryInput } from './stage-history.ts';
import { stageChangeOf } from './trace-change.ts';

const H = 3600_000;
const D = 24 * H;
const NOW = 200 * H;
const base = { versions: [], recordsFrom: NOW - 7 * D, complete: true, now: NOW };
const history = (input: Partial<StageHistoryInput> & Pick<StageHistoryInput, 'traces' | 'present'>) => stageHistory({ ...base, ...input });

// webhook-signing-secret: v1 long ago (before CTS's 7 days), v2 yesterday with the default stages.
const webhook = history({
  traces: [trace(NOW - D, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['SYSCURRENT'] }, 'li.wei')],
  present: { SYSCURRENT: 'v2', SYSPREVIOUS: 'v1' },
  versions: [
    { id: 'v2', create_time: NOW - D },
    { id: 'v1', create_time: NOW - 130 * D },
  ],
  secretCreated: NOW - 130 * D,
});

describe('stage moves', () => {
  it('a new version with the default stages moves SYSCURRENT to it and SYSPREVIOUS to the one it left', () => {
    expect(webhook.moves.map((m) => [m.stage, m.from, m.to, m.user, m.request_id, m.automatic, m.inferred])).toEqual([
      ['SYSCURRENT', 'v1', 'v2', 'li.wei', `r${NOW - D}`, false, false],
      ['SYSPREVIOUS', undefined, 'v1', 'li.wei', `r${NOW - D}`, true, false],
    ]);
  });

  it('UpdateSecretStage moves that stage only; a failed call moves nothing', () => {
    const h = history({
      traces: [
        trace(10 * H + NOW - D, 'UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['SYSCURRENT'] }),
        { ...trace(NOW - 2 * H, 'UpdateSecretStage', { kind: 'set', version_id: 'v9', stages: ['SYSCURRENT'] }), code: '404' },
        trace(NOW - 3 * D, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['SYSCURRENT'] }),
        trace(NOW - 4 * D, 'CreateSecret', { kind: 'created', version_id: 'v1' }),
      ],
      present: { SYSCURRENT: 'v1', SYSPREVIOUS: 'v1' },
    });
    expect(h.moves.map((m) => [m.stage, m.from, m.to])).toEqual([
      ['SYSCURRENT', 'v2', 'v1'],
      ['SYSCURRENT', 'v1', 'v2'],
      ['SYSPREVIOUS', null, 'v1'],
      ['SYSCURRENT', null, 'v1'],
    ]);
  });

  it('names the stage a DeleteSecretStage removed when only one can have been, as inferred', () => {
    const h = history({
      traces: [
        trace(NOW - 2 * D, 'CreateSecret', { kind: 'created', version_id: 'v1' }),
        trace(NOW - D, 'UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['CANARY'] }),
        trace(NOW - H, 'DeleteSecretStage', { kind: 'deleted' }),
      ],
      present: { SYSCURRENT: 'v1' },
    });
    expect(h.moves[0]).toMatchObject({ stage: 'CANARY', from: 'v1', to: null, inferred: true });
  });
});

describe('where a stage pointed', () => {
  it('before a new version: SYSCURRENT on the version SYSPREVIOUS went to, with the move after as evidence', () => {
    expect(stageAt(webhook, 'SYSCURRENT', NOW - 2 * D)).toMatchObject({
      known: true,
      version_id: 'v1',
      until: { stage: 'SYSCURRENT', from: 'v1', to: 'v2', time: NOW - D },
    });
  });

  it("SYSPREVIOUS before it: unknown, because the move does not say where it was — not a false 'before the records'", () => {
    expect(stageAt(webhook, 'SYSPREVIOUS', NOW - 2 * D)).toMatchObject({ known: false, reason: 'unrecorded-origin', until: { to: 'v1' } });
    expect(stageAt(webhook, 'SYSPREVIOUS', NOW - 12 * H)).toMatchObject({ known: true, version_id: 'v1', since: { automatic: true } });
  });

  it('a custom stage moved within the records: known after, unknown before with the true reason', () => {
    const jwt = history({
      traces: [trace(NOW - H, 'UpdateSecretStage', { kind: 'set', version_id: 'v2', stages: ['ROLLBACK'] })],
      present: { SYSCURRENT: 'v4', ROLLBACK: 'v2' },
      secretCreated: NOW - 180 * D,
    });
    expect(stageAt(jwt, 'ROLLBACK', NOW - 30 * 60_000)).toMatchObject({ known: true, version_id: 'v2', since: { time: NOW - H } });
    expect(stageAt(jwt, 'ROLLBACK', NOW - 2 * H)).toMatchObject({ known: false, reason: 'unrecorded-origin', until: { to: 'v2' } });
    expect(stageAt(jwt, 'SYSCURRENT', NOW - 2 * H)).toMatchObject({ known: true, version_id: 'v4' });
    expect(stageAt(jwt, 'ROLLBACK', NOW - 8 * D)).toMatchObject({ known: false, reason: 'before-records' });
  });

  it('before the secret existed, in the future, and untouched since its update time', () => {
    expect(stageAt(webhook, 'SYSCURRENT', NOW - 200 * D)).toMatchObject({ known: true, version_id: null, beforeSecret: true });
    expect(stageAt(webhook, 'SYSCURRENT', NOW + D)).toMatchObject({ known: true, version_id: 'v2', future: true });
    expect(stageAt(webhook, 'SYSCURRENT', NOW - 20 * D, NOW - D)).toMatchObject({ known: false, reason: 'before-records' });
    expect(stageAt(webhook, 'SYSCURRENT', NOW - 12 * H, NOW - D)).toMatchObject({ known: true, version_id: 'v2' });
  });

  it('unknown past a gap: a version created with no trace, or a partial read', () => {
    const rotated = history({
      traces: [],
      present: { SYSCURRENT: 'v3', SYSPREVIOUS: 'v2' },
      versions: [{ id: 'v3', create_time: NOW - D }],
      secretCreated: NOW - 100 * D,
    });
    expect(stageAt(rotated, 'SYSCURRENT', NOW - 2 * H)).toMatchObject({ known: true, version_id: 'v3' });
    expect(stageAt(rotated, 'SYSCURRENT', NOW - 2 * D)).toMatchObject({ known: false, reason: 'unrecorded-origin' });
    expect(rotated.gaps).toMatchObject([{ version_id: 'v3', stages: 'all' }]);
    const partial = history({
      ...webhook,
      traces: [trace(NOW - D, 'UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['X'] })],
      present: { X: 'v1' },
      complete: false,
    });
    expect(stageAt(partial, 'X', NOW - 2 * D)).toMatchObject({ known: false, reason: 'partial' });
  });
});

describe('two deletions the traces do not name', () => {
  // v2 gets CANARY and ROLLBACK; two DeleteSecretStage calls remove both (which first, no trace
  // says); v3 gets CANARY back. Between the two deletions, each stage is unknown, never a guess.
  const h = stageHistory({
    traces: [
      trace(1000, 'CreateSecret', { kind: 'created', version_id: 'v1' }),
      trace(2000, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['CANARY', 'ROLLBACK'] }),
      trace(3000, 'DeleteSecretStage', { kind: 'deleted' }),
      trace(4000, 'DeleteSecretStage', { kind: 'deleted' }),
      trace(5000, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v3', stages: ['CANARY'] }),
    ],
    present: { SYSCURRENT: 'v1', CANARY: 'v3' },
    versions: [
      { id: 'v1', create_time: 1000 },
      { id: 'v2', create_time: 2000 },
      { id: 'v3', create_time: 5000 },
    ],
    secretCreated: 1000,
    recordsFrom: 0,
    complete: true,
    now: 10_000,
  });

  it('answers "unknown: a gap" between them, for both stages', () => {
    for (const stage of ['CANARY', 'ROLLBACK'])
      expect(stageAt(h, stage, 3500)).toMatchObject({ known: false, reason: 'gap', gap: { operation: 'DeleteSecretStage' } });
  });

  it('still knows both before the first and after the second', () => {
    expect(stageAt(h, 'CANARY', 2500)).toMatchObject({ known: true, version_id: 'v2' });
    expect(stageAt(h, 'ROLLBACK', 4500)).toMatchObject({ known: true, version_id: null });
  });
});

describe('a deletion the traces do not name, told by what came after', () => {
  // v2 gets CANARY and ROLLBACK; one DeleteSecretStage; ROLLBACK is then moved to v1, and CANARY is
  // on no version now: the call removed CANARY, so ROLLBACK stayed on v2 until its move.
  const h = stageHistory({
    traces: [
      trace(1000, 'CreateSecret', { kind: 'created', version_id: 'v1' }),
      trace(2000, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['CANARY', 'ROLLBACK'] }),
      trace(3000, 'DeleteSecretStage', { kind: 'deleted' }),
      trace(4000, 'UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['ROLLBACK'] }),
    ],
    present: { SYSCURRENT: 'v1', ROLLBACK: 'v1' },
    versions: [
      { id: 'v1', create_time: 1000 },
      { id: 'v2', create_time: 2000 },
    ],
    secretCreated: 1000,
    recordsFrom: 0,
    complete: true,
    now: 10_000,
  });

  it('knows the stage that was not removed', () => {
    expect(stageAt(h, 'ROLLBACK', 3500)).toMatchObject({ known: true, version_id: 'v2' });
    expect(stageAt(h, 'CANARY', 3500)).toMatchObject({ known: true, version_id: null });
  });
});

describe('RotateSecret', () => {
  // db-user: v1 long ago, rotated yesterday (v2).
  const rotation = (change: Parameters<typeof trace>[2], versions = [{ id: 'v2', create_time: NOW - D + 2000 }]) =>
    history({
      traces: [trace(NOW - D, 'RotateSecret', change, 'fg-rotation')],
      present: { SYSCURRENT: 'v2', SYSPREVIOUS: 'v1' },
      versions: [...versions, { id: 'v1', create_time: NOW - 100 * D }],
      secretCreated: NOW - 100 * D,
    });

  it('with the version in its recorded response: SYSCURRENT to it as documented, SYSPREVIOUS following it inferred', () => {
    const h = rotation({ kind: 'rotated', version_id: 'v2', stages: ['SYSCURRENT'] });
    expect(h.moves.map((m) => [m.stage, m.from, m.to, m.operation, m.automatic, m.inferred])).toEqual([
      ['SYSCURRENT', 'v1', 'v2', 'RotateSecret', false, false],
      ['SYSPREVIOUS', undefined, 'v1', 'RotateSecret', true, true],
    ]);
    expect(h.gaps).toEqual([]);
    expect(stageAt(h, 'SYSCURRENT', NOW - 2 * D)).toMatchObject({ known: true, version_id: 'v1' });
  });

  it('naming no version: the one version created with no trace within a minute of it, every move inferred', () => {
    const h = rotation({ kind: 'rotated', stages: [] });
    expect(h.moves.map((m) => [m.stage, m.from, m.to, m.automatic, m.inferred])).toEqual([
      ['SYSCURRENT', 'v1', 'v2', false, true],
      ['SYSPREVIOUS', undefined, 'v1', true, true],
    ]);
    expect(h.gaps).toEqual([]);
    expect(stageAt(h, 'SYSCURRENT', NOW - 2 * D)).toMatchObject({ known: true, version_id: 'v1', until: { operation: 'RotateSecret' } });
  });

  it('naming no version, and no version (or two) created near it: unknown before it, the rotation named as the gap', () => {
    for (const versions of [
      [{ id: 'v2', create_time: NOW - D + 5 * 60_000 }],
      [
        { id: 'v3', create_time: NOW - D + 1000 },
        { id: 'v2', create_time: NOW - D - 1000 },
      ],
    ]) {
      const h = history({
        traces: [trace(NOW - D, 'RotateSecret', { kind: 'rotated', stages: [] })],
        present: { SYSCURRENT: versions[0]!.id },
        versions,
        secretCreated: NOW - 100 * D,
      });
      expect(h.moves.filter((m) => m.operation === 'RotateSecret')).toEqual([]);
      expect(stageAt(h, 'SYSCURRENT', NOW - D + 1)).toMatchObject({ known: false });
      expect(h.gaps.some((g) => g.operation === 'RotateSecret')).toBe(true);
    }
  });
});

describe("a RotateSecret trace's change", () => {
  it('is read from its recorded response when it has the version, else says a rotation with no version', () => {
    const recorded = JSON.stringify({ version_metadata: { id: 'v2', version_stages: ['SYSCURRENT'], secret_name: 'db' } });
    expect(stageChangeOf('RotateSecret', recorded)).toEqual({ kind: 'rotated', version_id: 'v2', stages: ['SYSCURRENT'] });
    const documented = JSON.stringify({ version_id: 'v3', secret_name: 'db', rotation_task_id: 't1' });
    expect(stageChangeOf('RotateSecret', documented)).toEqual({ kind: 'rotated', version_id: 'v3', stages: [] });
    expect(stageChangeOf('RotateSecret', undefined)).toEqual({ kind: 'rotated', stages: [] });
    expect(stageChangeOf('RotateSecret', '{}')).toEqual({ kind: 'rotated', stages: [] });
  });
});
