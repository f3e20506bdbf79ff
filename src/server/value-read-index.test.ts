// The memory index: only reads that reached someone, newest first, bounded per secret and in secrets.
import { describe, expect, it } from 'vitest';
import type { ValueEvent } from './audit.ts';
import { INDEX_LIMITS, memoryValueReadIndex } from './value-read-index.ts';

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
