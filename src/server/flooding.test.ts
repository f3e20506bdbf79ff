// Attempts refused before anyone is identified cost a bounded number of audit lines, whoever sends
// them and however many: counted per client and minute, a global cap across clients, the
// recorded target capped, and counted on /metrics. Someone identified keeps a line per attempt.
import { describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { MAX_CLIENTS } from './refusal-tally.ts';
import { startTestServer } from './testing/start-test-server.ts';

const PID = '0123456789abcdef0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const IAM = { mode: 'iam' as const, idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 5, sessionsPerUser: 5 };

describe('refused attempts before anyone is identified', () => {
  it('add a bounded number of lines: 10,000 from 1,000 addresses, no session, cross-site or not', async () => {
    // Nothing answers upstream: none of these may get that far.
    const server = await startTestServer({ endpoint: 'http://127.0.0.1:9', ...creds }, { auth: IAM, credentials: null, metricsToken: 'm' });
    const host = new URL(server.url).host;
    const long = 'x'.repeat(60);
    try {
      for (let i = 0; i < 10_000; i++) {
        const res = await server.app.inject({
          method: 'GET',
          url:
            i % 2 === 0
              ? `/api/v1/${PID}/secrets/${long}/versions/v${i}`
              : `/api/compare?a=${PID}/db/v${i}&b=${PID}/${long}/v1&pad=${long}${long}`,
          remoteAddress: `10.0.${Math.floor((i % 1000) / 250)}.${i % 250}`,
          headers: { host, ...(i % 3 === 0 ? { 'sec-fetch-site': 'cross-site' } : { 'x-console-request': '1' }) },
        });
        expect([401, 403]).toContain(res.statusCode);
      }
      const metrics = await server.app.inject({ method: 'GET', url: '/metrics', headers: { host, authorization: 'Bearer m' } });
      expect(metrics.body).toMatch(/^csms_console_refused_attempts_total 10000$/m);
    } finally {
      await server.close();
    }
    const lines = server.auditLines();
    expect(lines.length).toBeLessThanOrEqual(MAX_CLIENTS + 1);
    expect(lines.every((l) => l.event === 'console.refused')).toBe(true);
    expect(lines.reduce((sum, l) => sum + Number(l.count), 0)).toBe(10_000);
    expect(lines.at(-1)).toMatchObject({ client_ip: '*', count: 10_000 - 10 * MAX_CLIENTS });
    expect(Math.max(...lines.map((l) => String(l.detail).length))).toBeLessThan(200);
  });

  it('leave someone identified a line per refused attempt (over the allowance)', async () => {
    const server = await startTestServer({ endpoint: 'http://127.0.0.1:9', ...creds }, { valueReadsPerMinute: 0 });
    try {
      for (let i = 0; i < 3; i++) expect((await server.get(`/api/v1/${PID}/secrets/db/versions/v${i + 1}`)).status).toBe(429);
    } finally {
      await server.close();
    }
    expect(server.auditLines().map((l) => [l.event, l.version, l.outcome])).toEqual([
      ['secret.value.read', 'v1', 'rate-limited'],
      ['secret.value.read', 'v2', 'rate-limited'],
      ['secret.value.read', 'v3', 'rate-limited'],
    ]);
  });
});
