// The memory index: only reads that reached someone, newest first, bounded per secret and in secrets.
import { describe, expect, it } from 'vitest';
import type { ValueEvent } from './audit.ts';
import { INDEX_LIMITS, inWindow, memoryValueReadIndex } from './value-read-index.ts';

const event = (over: Partial<ValueEvent> = {}): ValueEvent => ({
  action: 'read',
  who: 'alice',
  clientIp: '127.0.0.1',
  project: 'p1',
  secret: 'db',
  version: 'v1',
  outcome: 'ok',
  ...over,
});

describe('memory value-read index', () => {
  it('keeps served reads and reported copies, never refused attempts or sign-ins, newest first', async () => {
    let now = 1000;
    const index = memoryValueReadIndex('console-a', () => now);
    index.observe(event({ requestId: 'r1' }));
    now = 2000;
    index.observe(event({ action: 'copy', who: 'bob', version: 'v2', outcome: 'reported' }));
    index.observe(event({ outcome: 'denied' }));
    index.observe({ action: 'sign-in', who: 'alice', clientIp: '127.0.0.1', outcome: 'ok' });
    const list = await index.list('p1', 'db');
    expect(list).toEqual({
      reads: [
        { time: 2000, who: 'bob', action: 'copy', version: 'v2', instance: 'console-a' },
        { time: 1000, who: 'alice', action: 'read', version: 'v1', instance: 'console-a', request_id: 'r1' },
      ],
      since: 1000,
      scope: 'instance',
      kept: INDEX_LIMITS.perSecret,
    });
    expect((await index.list('p1', 'db', 'v2')).reads.map((r) => r.who)).toEqual(['bob']);
    expect((await index.list('p1', 'other')).reads).toEqual([]);
  });

  it('keeps the newest reads of a secret, and drops the secret read least recently past the bound', async () => {
    const index = memoryValueReadIndex('console-a');
    for (let i = 0; i < INDEX_LIMITS.perSecret + 5; i++) index.observe(event({ who: `u${i}` }));
    const reads = (await index.list('p1', 'db')).reads;
    expect(reads).toHaveLength(INDEX_LIMITS.perSecret);
    expect(reads[0]!.who).toBe(`u${INDEX_LIMITS.perSecret + 4}`);
    for (let i = 0; i < INDEX_LIMITS.secrets; i++) index.observe(event({ secret: `s${i}` }));
    expect((await index.list('p1', 'db')).reads).toEqual([]);
    expect((await index.list('p1', 's1')).reads).toHaveLength(1);
  });
});

describe("a project's value reads in a window", () => {
  it('lists every secret of the project read in the window, newest first, with the secret; none of other projects', async () => {
    let now = 1000;
    const index = memoryValueReadIndex('console-a', () => now);
    index.observe(event({ secret: 'db' }));
    now = 2000;
    index.observe(event({ secret: 'api', who: 'bob', version: 'v3' }));
    index.observe(event({ project: 'p2', secret: 'other' }));
    now = 3000;
    index.observe(event({ secret: 'late' }));
    const list = await index.listProject('p1', { from: 1000, to: 3000 }, 10);
    expect(list).toEqual({
      reads: [
        { time: 2000, who: 'bob', action: 'read', version: 'v3', instance: 'console-a', secret: 'api' },
        { time: 1000, who: 'alice', action: 'read', version: 'v1', instance: 'console-a', secret: 'db' },
      ],
      since: 1000,
      scope: 'instance',
      kept: INDEX_LIMITS.perProject,
      cut: null,
    });
    expect((await index.listProject('p1', { from: 4000, to: 5000 }, 10)).reads).toEqual([]);
    expect((await index.listProject('p3', { from: 0, to: 5000 }, 10)).reads).toEqual([]);
  });

  it('says when the list is cut: by the page (the newest kept), or by the bound of the project (older reads dropped)', () => {
    const read = (time: number) => ({ time, who: 'a', action: 'read' as const, version: 'v1', instance: 'i', secret: 's' });
    const three = [read(30), read(20), read(10)];
    expect(inWindow(three, { from: 0, to: 100 }, 2)).toMatchObject({ reads: [read(30), read(20)], cut: 'page' });
    expect(inWindow(three, { from: 0, to: 100 }, 3)).toMatchObject({ cut: null });
    const full = Array.from({ length: INDEX_LIMITS.perProject }, (_, i) => read(10_000 - i));
    expect(inWindow(full, { from: 0, to: 20_000 }, 10_000).cut).toBe('kept');
    // The window starts after the oldest kept read: nothing of it was dropped.
    expect(inWindow(full, { from: 9000, to: 20_000 }, 10_000).cut).toBe(null);
  });
});
