// The sweep's critical path at a cloud's distance: every call takes one round trip (a fake clock),
// at most 8 in flight per person. A sweep costs as many round trips as its calls fill at 8 a
// round, plus the first listing, which everything else needs: no round waits on a phase.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadOperation } from '../shared/operations.ts';
import { LIMITS } from '../shared/patterns.ts';
import type { Identity } from './auth/identity.ts';
import type { CsmsReader, ReadRequest } from './csms-reader.ts';
import { CALLS_PER_PERSON, createSweeper } from './overview.ts';
import { fakeSecret } from './testing/fake-answers.ts';

const RTT_MS = 150;
const PAGE = 1000;
const KEY = '11111111-2222-4333-8444-555555555555';
const identity: Identity = { who: 'ops', rateKey: 'ops', projects: [], authorizeFor: () => () => ({}) };

/** A project of `count` secrets (all under one KMS key) behind a round trip of RTT_MS: the answers,
 * and each operation's number of calls. */
function cloudOf(count: number, refuseSecondPage = false) {
  const names = Array.from({ length: count }, (_, i) => `s-${String(i).padStart(5, '0')}`);
  const calls: Partial<Record<ReadOperation, number>> = {};
  const answer = (operation: ReadOperation, { query = {} }: ReadRequest): unknown => {
    switch (operation) {
      case 'ListSecrets': {
        const from = query.marker ? names.indexOf(query.marker) + 1 : 0;
        const page = names.slice(from, from + Number(query.limit)).map((name) => ({ ...fakeSecret(name), kms_key_id: KEY }));
        // Like CSMS, a full page names a marker: whether more follow is known by asking.
        return {
          secrets: page,
          page_info: { current_count: page.length, next_marker: page.length === Number(query.limit) ? page.at(-1)!.name : null },
        };
      }
      case 'ListSecretVersions':
        return { version_metadatas: [], page_info: { current_count: 0 } };
      case 'ListKeyDetail':
        return { key_info: { key_id: KEY, key_alias: 'csms/default', key_state: '2' } };
      case 'ListSecretTask':
        return { tasks: [] };
      case 'ListSecretEvents':
        return { events: [] };
      default:
        return { records: [] };
    }
  };
  const read = async (_: Identity, operation: ReadOperation, request: ReadRequest) => {
    calls[operation] = (calls[operation] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, RTT_MS));
    if (refuseSecondPage && operation === 'ListSecrets' && request.query?.marker)
      return { ok: false as const, status: 403, code: 'CSMS.0403', message: 'Forbidden.' };
    return { ok: true as const, status: 200, data: answer(operation, request) };
  };
  return { read: Object.assign(read, { projectRefusal: () => null }) as unknown as CsmsReader, calls };
}

/** The overview once swept, the round trips it took, and its calls. */
async function sweepOf(count: number, refuseSecondPage = false) {
  const cloud = cloudOf(count, refuseSecondPage);
  const started = Date.now();
  const swept = await createSweeper({ read: cloud.read }).sweep(identity, 'p'.repeat(32));
  if (swept === 'too-many') throw new Error('refused');
  const done = swept.done.then(() => Date.now() - started);
  await vi.runAllTimersAsync();
  return { overview: swept.overview, rounds: (await done) / RTT_MS, calls: cloud.calls };
}

async function sweep(count: number) {
  const { overview, rounds, calls } = await sweepOf(count);
  expect(overview).toMatchObject({ complete: true, progress: { checked: count, total: count }, failed: {} });
  return { rounds, calls };
}

/** The fewest round trips: the first page of secrets (with the other listings beside it), then
 * every remaining call at CALLS_PER_PERSON a round. */
const floorRounds = (calls: number, firstRound: number) => 1 + Math.ceil((calls - firstRound) / CALLS_PER_PERSON);
const total = (calls: Partial<Record<ReadOperation, number>>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('the sweep at a round trip a call', () => {
  // A sweep of the most secrets the console reads runs some 20,000 timers.
  beforeEach(() => void vi.useFakeTimers({ loopLimit: 100_000 }));
  afterEach(() => void vi.useRealTimers());

  it('sweeps 500 secrets in 64 round trips: the list, then 501 calls 8 at a time', async () => {
    const { rounds, calls } = await sweep(500);
    // The list, the tasks, the events, the notifications, each version listing, the one key once.
    expect(calls).toEqual({
      ListSecrets: 1,
      ListSecretTask: 1,
      ListSecretEvents: 1,
      ListNotificationRecords: 1,
      ListSecretVersions: 500,
      ListKeyDetail: 1,
    });
    expect(rounds).toBe(floorRounds(total(calls), 4));
    expect(rounds).toBe(64);
  });

  it('reads the versions of a page of secrets while the next page is read', async () => {
    // Three pages: waiting for the whole list before the versions would leave 7 of 8 slots empty
    // for two rounds (316 round trips).
    const { rounds, calls } = await sweep(2500);
    expect(calls.ListSecrets).toBe(3);
    expect(calls.ListKeyDetail).toBe(1);
    expect(rounds).toBe(floorRounds(total(calls), 4));
    expect(rounds).toBe(314);
  });

  it('keeps nothing of a list refused part way, though its first page was being checked', async () => {
    const { overview } = await sweepOf(1500, true);
    expect(overview.failed.secrets).toMatchObject({ status: 403, code: 'CSMS.0403' });
    expect(overview).toMatchObject({ complete: true, secrets: [], versions: {}, keys: {}, progress: { checked: 0, total: 0 } });
    expect(overview.failed.versions).toBeUndefined();
  });

  it('reads at most LIMITS.secretsRead secrets, and says so when the project has more', async () => {
    const over = await sweepOf(LIMITS.secretsRead + 1);
    expect(over.overview.secrets).toHaveLength(LIMITS.secretsRead);
    expect(over.overview.secrets_cut).toBe(true);
    // The limit's pages, and one secret more to learn that the list goes on.
    expect(over.calls.ListSecrets).toBe(LIMITS.secretsRead / PAGE + 1);

    const exactly = await sweepOf(LIMITS.secretsRead);
    expect(exactly.overview.secrets).toHaveLength(LIMITS.secretsRead);
    expect(exactly.overview.secrets_cut).toBe(false);
    expect((await sweepOf(500)).overview.secrets_cut).toBe(false);
  });
});
