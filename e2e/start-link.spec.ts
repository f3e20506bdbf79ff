// With the server's key and nobody signing in, a colleague opening a pasted link in a browser that
// never opened the start link reads a page that says what to do, in their language; after the
// start link, the same address opens the secret.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { untilPrinted } from '../src/server/testing/processes.ts';
import { EMULATOR_URL, expect, secretPath, test } from './fixtures.ts';

const PRODUCTION = DEMO_PROJECTS.production;
const DEEP_LINK = secretPath(PRODUCTION.id, 'jwt-signing-key');

/** A console in server-key mode (the e2e emulator as its CSMS endpoint): its address and the link it printed. */
async function serverKeyConsole() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      CSMS_ENDPOINT: EMULATOR_URL,
      CSMS_REGION: PRODUCTION.region,
      HUAWEICLOUD_SDK_AK: EMULATOR_DEFAULTS.accessKey,
      HUAWEICLOUD_SDK_SK: EMULATOR_DEFAULTS.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: PRODUCTION.id,
      CONSOLE_AUDIT_LOG: '.test-results/audit-start-link.log',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url, token] = await untilPrinted(server, /CSMS console\s+(http:\/\/\S+?)\/\?token=([\w-]+)\s/);
  return { url: url!, startLink: `${url}/?token=${token}`, server };
}

async function stop(server: ChildProcess) {
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}

test('a deep link without the start cookie explains the start link; after it, the same address opens the secret', async ({ browser }) => {
  const { url, startLink, server } = await serverKeyConsole();
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const answer = await page.goto(`${url}${DEEP_LINK}`);
    expect(answer?.status()).toBe(401);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This console opens only through its start link');
    await expect(page.getByRole('main')).toContainText('the link printed when it was started (the start token link)');
    await expect(page.getByRole('listitem')).toHaveText([
      'Ask whoever runs the console for that link, and open it in this browser.',
      'Then open this page’s address again: it will work.',
    ]);
    await expect(page).toHaveTitle('Open the start link first · CSMS console');
    await expect(page.locator('body')).not.toContainText('CONSOLE.0401');

    await page.goto(startLink);
    await page.goto(`${url}${DEEP_LINK}`);
    await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
  } finally {
    await context.close();
    await stop(server);
  }
});

test('简体中文: the page says in Chinese to ask for the start link', async ({ browser }) => {
  const { url, server } = await serverKeyConsole();
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    expect((await page.goto(`${url}${DEEP_LINK}?q=x`))?.status()).toBe(401);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('此控制台只能通过启动链接打开');
    await expect(page.getByRole('listitem').first()).toHaveText('请向运行此控制台的人索取该链接，并在此浏览器中打开。');
    // The app's own call, as its fetch makes it, keeps the CSMS error body.
    const call = await page.evaluate(async (path) => {
      const res = await fetch(path, { headers: { 'x-console-request': '1' } });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    }, `/api/v1/${PRODUCTION.id}/secrets`);
    expect(call.status).toBe(401);
    expect(call.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(call.body)).toMatchObject({ error_code: 'CONSOLE.0401' });
  } finally {
    await context.close();
    await stop(server);
  }
});
