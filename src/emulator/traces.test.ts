// The emulator's CTS: each CSMS call it serves becomes a trace (never a value), and ListTraces
// answers as the CTS definition says: newest first, filtered, paged with `next`, 7 days kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IAM, DEMO_PROJECTS } from './demo-seed.ts';
import { requestToken } from './testing/iam-tokens.ts';
import { expectValid } from './testing/openapi.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';
import { EMULATOR_DEFAULTS } from './config.ts';

const CANARY = 'TRACECANARY';
type Trace = { trace_name: string; resource_name?: string; code: string; user: { name: string }; response?: string; time: number };
type Traces = { traces: Trace[]; meta_data: { count: number; marker?: string } };

describe('CTS in the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const pid = randomProjectId();
  const list = async (
    query: Record<string, string>,
    project = pid,
    headers: Record<string, string> = { 'X-Auth-Token': EMULATOR_DEFAULTS.token },
  ) => {
    const res = await fetch(`${emulator.url}/v3/${project}/traces?${new URLSearchParams(query)}`, { headers });
    const text = await res.text();
    expect(text).not.toContain(CANARY);
    return { status: res.status, body: JSON.parse(text) as Traces & { error_code?: string } };
  };
  const system = { trace_type: 'system', service_type: 'CSMS', from: String(Date.now() - 3600_000) };
  beforeAll(async () => {
    emulator = await startTestEmulator('none', { ctsReads: true });
    const csms = emulator.clientFor(pid);
    await csms.createSecret({ name: 'db', secret_string: `${CANARY}-1` });
    await csms.createVersion('db', { secret_string: `${CANARY}-2` });
    await csms.updateStage('db', 'blue', 'v1');
    await csms.showVersion('db', 'v2');
    await csms.showVersion('db', 'v9');
    await csms.createSecret({ name: 'other', secret_string: `${CANARY}-3` });
  });
  afterAll(() => emulator.close());

  it('records each call, newest first, with its result and no value, as the definition says', async () => {
    const { status, body } = await list({ ...system, resource_name: 'db' });
    expect(status).toBe(200);
    expectValid('CTS-ListTraces', 200, body);
    expect(body.traces.map((t) => [t.trace_name, t.code])).toEqual([
      ['ShowSecretVersion', '404'],
      ['ShowSecretVersion', '200'],
      ['UpdateSecretStage', '200'],
      ['CreateSecretVersion', '200'],
      ['CreateSecret', '200'],
    ]);
    expect(body.traces[0]).toMatchObject({ trace_rating: 'warning', service_type: 'CSMS', resource_name: 'db', source_ip: '127.0.0.1' });
    // Signed with the account's key pair: the account, and the key that signed.
    expect(body.traces[0]!.user).toMatchObject({ name: 'csms-emulator', access_key_id: EMULATOR_DEFAULTS.accessKey });
    // The stage change is kept; a value read keeps no answer.
    expect(JSON.parse(body.traces[2]!.response!)).toMatchObject({ stage: { name: 'blue', version_id: 'v1' } });
    expect(JSON.parse(body.traces[3]!.response!)).toMatchObject({ version_metadata: { id: 'v2', version_stages: ['SYSCURRENT'] } });
    expect(body.traces[1]!.response).toBeUndefined();
  });

  it('filters by operation and user, and pages with next until there is no marker', async () => {
    const reads = await list({ ...system, trace_name: 'ShowSecretVersion' });
    expect(reads.body.traces).toHaveLength(2);
    expect((await list({ ...system, user: 'nobody' })).body.traces).toEqual([]);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const { body } = await list({ ...system, limit: '2', ...(next && { next }) });
      seen.push(...body.traces.map((t) => t.trace_name));
      expect(body.meta_data.count).toBe(body.traces.length);
      next = body.meta_data.marker;
    } while (next);
    expect(seen).toHaveLength(6);
  });

  it('keeps 7 days, and reads the last hour by default', async () => {
    const now = Date.now();
    await emulator.admin.addTraces(pid, [
      { operation: 'UpdateSecretStage', secret_name: 'db', user: 'ops', time: now - 2 * 3600_000 },
      { operation: 'UpdateSecretStage', secret_name: 'db', user: 'ops', time: now - 8 * 86400_000 },
    ]);
    const byDefault = await list({ trace_type: 'system', trace_name: 'UpdateSecretStage' });
    expect(byDefault.body.traces).toHaveLength(1);
    const week = await list({ trace_type: 'system', trace_name: 'UpdateSecretStage', from: String(now - 30 * 86400_000) });
    expect(week.body.traces).toHaveLength(2);
  });

  it("refuses a query outside the definition with CTS's error body", async () => {
    for (const query of [
      {},
      { trace_type: 'system', limit: '201' },
      { trace_type: 'system', from: 'yesterday' },
      { ...system, next: 'x'.repeat(12) },
    ]) {
      const { status, body } = await list(query as Record<string, string>);
      expect(status).toBe(400);
      expect(body.error_code).toBe('CTS.0001');
    }
  });

  it('needs cts:trace:list, and names the token user in each trace', async () => {
    const emulatorDemo = await startTestEmulator('demo', { ctsReads: true });
    try {
      const { production } = DEMO_PROJECTS;
      const tokenOf = async (name: string) => {
        const user = DEMO_IAM.users.find((u) => u.name === name)!;
        const res = await requestToken(
          emulatorDemo.url,
          { domain: DEMO_IAM.domain, name, password: user.password },
          { project: { id: production.id } },
        );
        return res.headers.get('x-subject-token')!;
      };
      const operator = await tokenOf('operator');
      await fetch(`${emulatorDemo.url}/v1/${production.id}/secrets/grafana-admin`, { headers: { 'X-Auth-Token': operator } });
      const traces = await fetch(`${emulatorDemo.url}/v3/${production.id}/traces?trace_type=system&resource_name=grafana-admin`, {
        headers: { 'X-Auth-Token': operator },
      });
      expect(((await traces.json()) as Traces).traces[0]).toMatchObject({ trace_name: 'ShowSecret', user: { name: 'operator' } });
      const refused = await fetch(`${emulatorDemo.url}/v3/${production.id}/traces?trace_type=system`, {
        headers: { 'X-Auth-Token': await tokenOf('auditor') },
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error_msg: string }).error_msg).toContain('cts:trace:list');
    } finally {
      await emulatorDemo.close();
    }
  });

  it('by default, like CTS without query reporting, records changes only', async () => {
    const quiet = await startTestEmulator();
    try {
      const csms = quiet.clientFor(pid);
      await csms.createSecret({ name: 'db', secret_string: `${CANARY}-q` });
      await csms.showVersion('db', 'v1');
      await csms.listVersions('db');
      await csms.updateStage('db', 'blue', 'v1');
      const res = await fetch(`${quiet.url}/v3/${pid}/traces?trace_type=system&resource_name=db`, {
        headers: { 'X-Auth-Token': EMULATOR_DEFAULTS.token },
      });
      expect(((await res.json()) as Traces).traces.map((t) => t.trace_name)).toEqual(['UpdateSecretStage', 'CreateSecret']);
    } finally {
      await quiet.close();
    }
  });
});
