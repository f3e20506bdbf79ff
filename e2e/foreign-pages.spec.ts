// Pages of other sites against the console, in a real Chromium: a DNS-rebinding page (a foreign
// name resolved to the console's address, so its requests look same-origin to the browser) and a
// cross-site page that spends value reads with images and no-cors fetches. Neither reads anything.
import { CHROMIUM, E2E_PORT } from '../playwright.config.ts';
import { readAuditLog } from '../src/server/testing/audit-log.ts';
import { expect, test } from './fixtures.ts';

const REBIND = 'rebind.example';
const CANARY = 'REBIND-CANARY-4d1f';

test.beforeEach(async ({ csms }) => {
  expect((await csms.createSecret({ name: 'db', secret_string: CANARY })).status).toBe(200);
});

// The rebinding: a foreign name resolves to the console's address. Chromium's own Local Network
// Access checks are turned off: the console must hold without them (other browsers have none).
test.use({
  launchOptions: {
    ...CHROMIUM,
    args: [
      ...CHROMIUM.args,
      `--host-resolver-rules=MAP ${REBIND} 127.0.0.1`,
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults',
    ],
  },
});

test.describe('a rebinding page', () => {
  test('reads nothing: the console refuses a host it does not know', async ({ page, projectId, emulator }) => {
    const origin = `http://${REBIND}:${E2E_PORT}`;
    // The attacker's page, first served from the attacker's own address; then the name points at
    // 127.0.0.1 and the page's same-origin requests reach the console.
    await page.route(`${origin}/attack`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<script>
          window.results = (async () => {
            const headers = { 'X-Console-Request': '1' };
            const get = async (path) => { const r = await fetch(path, { headers }); return { status: r.status, body: await r.text() }; };
            return [await get('/api/config'), await get('/api/v1/${projectId}/secrets/db/versions/latest'), await get('/')];
          })();
        </script>`,
      }),
    );
    await page.goto(`${origin}/attack`);
    const results = (await page.evaluate('window.results')) as { status: number; body: string }[];
    expect(results.map((r) => r.status)).toEqual([421, 421, 421]);
    for (const { body } of results) {
      expect(body).not.toMatch(new RegExp(`${CANARY}|secret_string|projects`));
      expect(JSON.parse(body)).toMatchObject({ error_code: 'CONSOLE.0421' });
    }
    expect(await emulator.requests(/\/versions\//)).toEqual([]);
  });
});

test('a cross-site page spends no value read with images or no-cors fetches, whatever the spelling', async ({
  page,
  projectId,
  emulator,
}) => {
  const console = `http://127.0.0.1:${E2E_PORT}`;
  const targets = [
    `/api/v1/${projectId}/secrets/db/versions/v1`,
    `/%61pi/v1/${projectId}/secrets/db/versions/v1`,
    `/api/%761/${projectId}/secrets/db/versions/v1`,
  ];
  await page.route('http://evil.example/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `${targets.map((t) => `<img src="${console}${t}">`).join('')}<script>
        window.done = Promise.allSettled(${JSON.stringify(targets)}.map((t) =>
          fetch('${console}' + t, { mode: 'no-cors', credentials: 'include', headers: { 'X-Console-Request': '1' } })));
      </script>`,
    }),
  );
  await page.goto('http://evil.example/');
  await page.evaluate('window.done');
  // Every attempt was refused before anyone was identified: such attempts are tallied per client
  // and minute (one `console.refused` line a minute, src/server/flooding.test.ts), never a line
  // each with names from the URL. None reached CSMS.
  expect(readAuditLog('.test-results/audit.log').filter((l) => l.project === projectId)).toEqual([]);
  expect(await emulator.requests(/\/versions\//)).toEqual([]);
});
