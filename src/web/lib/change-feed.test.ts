import { describe, expect, it } from 'vitest';
import { stageTrace as trace } from '../../shared/testing/traces.ts';
import { feedWindowOf, groupBySecret } from './change-feed.ts';

describe('the change feed', () => {
  it('groups changes by secret, the latest change first in each and among them', () => {
    const traces = [
      { ...trace(1, 'CreateSecret', undefined), resource_name: 'a' },
      { ...trace(3, 'UpdateSecret', undefined), resource_name: 'b' },
      { ...trace(2, 'UpdateSecretStage', undefined), resource_name: 'a' },
    ];
    expect(groupBySecret(traces).map((g) => [g.secretName, g.traces.map((t) => t.time)])).toEqual([
      ['b', [3]],
      ['a', [2, 1]],
    ]);
  });

  it("puts each value read with its secret's changes, and orders the secrets by the latest of either", () => {
    const traces = [
      { ...trace(1, 'CreateSecret', undefined), resource_name: 'a' },
      { ...trace(3, 'UpdateSecret', undefined), resource_name: 'b' },
    ];
    const read = (time: number, secret: string) => ({ time, secret, who: 'alice', action: 'read' as const, version: 'v1', instance: 'i' });
    const groups = groupBySecret(traces, [read(2, 'a'), read(5, 'a'), read(4, 'c')]);
    expect(groups.map((g) => [g.secretName, g.traces.map((t) => t.time), g.reads.map((r) => r.time)])).toEqual([
      ['a', [1], [5, 2]],
      ['c', [], [4]],
      ['b', [3], []],
    ]);
  });

  it('reads its window from the address, else the last 24 hours, and names a time it cannot read', () => {
    const search = new URLSearchParams({ from: '2026-12-05T13:00Z', to: '2026-12-05T15:00Z' });
    expect(feedWindowOf(search, 0)).toEqual({ window: { from: Date.UTC(2026, 11, 5, 13), to: Date.UTC(2026, 11, 5, 15) }, chosen: true });
    expect(feedWindowOf(new URLSearchParams(), 86_400_000 * 2).window).toEqual({ from: 86_400_000, to: 86_400_000 * 2 });
    expect(feedWindowOf(new URLSearchParams({ from: 'yesterday' }), 0).problem).toEqual({
      param: 'from',
      value: 'yesterday',
      reason: 'not-a-time',
    });
  });
});
