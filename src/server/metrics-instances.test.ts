// Two console instances on one Redis share the sweep behind /metrics: CSMS is swept once, and
// both export the same per-secret series (the alert rules aggregate `instance` away).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { connectRedis, whenReady, type SharedRedis } from './redis.ts';
import { redisStores } from './stores.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { startTestServer } from './testing/start-test-server.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
const pid = randomProjectId();
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
const clients: SharedRedis[] = [];
const instances: Awaited<ReturnType<typeof startTestServer>>[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  await emulator.clientFor(pid).createSecret({ name: 'db', secret_string: 'x' });
  redis = await startRedisServer();
  for (const name of ['a', 'b']) {
    const client = connectRedis(redis.url);
    clients.push(client);
    await whenReady(client, 5000);
    instances.push(
      await startTestServer(
        { endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey },
        {
          metricsToken: TOKEN,
          stores: redisStores(client, [Buffer.alloc(32, 9)]),
          instance: name,
          projects: [{ id: pid, name: 'team', region: 'cn-north-4' }],
        },
      ),
    );
  }
});
afterAll(async () => {
  for (const instance of instances) await instance.close();
  for (const client of clients) client.disconnect();
  await redis.stop();
  await emulator.close();
});

const secretInfo = async (url: string) =>
  (await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text())
    .split('\n')
    .filter((line) => line.startsWith('csms_secret_info{'));

describe('two instances on one Redis', () => {
  it('sweep CSMS once between them, and export the same series', { timeout: 30_000 }, async () => {
    const expected = [
      `csms_secret_info{project="team",project_id="${pid}",region="cn-north-4",secret="db",type="COMMON",state="ENABLED"} 1`,
    ];
    for (const instance of instances) await expect.poll(() => secretInfo(instance.url), { timeout: 20_000 }).toEqual(expected);
    const listings = (await emulator.admin.requests(pid, /\/secrets$/)).filter((r) => r.method === 'GET');
    expect(listings).toHaveLength(1);
  });
});
