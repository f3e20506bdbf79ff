// The console server's guards, met by every spelling of a URL: the host allowlist (DNS
// rebinding), the API's cross-site and session checks, header mode's proxy checks, the per-start
// token, and the same headers and CSMS body on every status the server can produce.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { rawRequest } from '../emulator/testing/raw-http.ts';
import { serverConfigFromEnv } from './config.ts';
import { httpDependency } from './health.ts';
import { PROXY_SECRET_HEADER } from './auth/identity.ts';
import { anyReadAnswer } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';

const PID = '0123456789abcdef0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const CONSOLE = { 'x-console-request': '1' };
let calls = 0;
let chunkedMiB = 0;
const upstream = Fastify();
upstream.get('/*', async (_req, reply) => {
  calls += 1;
  if (chunkedMiB > 0) {
    // A chunked answer with no Content-Length, far over the limit.
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const { Readable } = await import('node:stream');
    return reply.type('application/json').send(
      Readable.from(
        (function* () {
          for (let i = 0; i < chunkedMiB; i++) yield chunk;
        })(),
      ),
    );
  }
  return anyReadAnswer();
});
let upstreamUrl = '';
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
  server = await startTestServer(
    { endpoint: upstreamUrl, ...creds },
    {
      staticDir: 'src/server/testing/static',
      allowedHosts: ['console.example.com'],
      dependencies: [httpDependency('csms', upstreamUrl, 1000)],
    },
  );
});
afterAll(async () => {
  await server.close();
  await upstream.close();
});
const port = () => new URL(server.url).port;
const valuePath = `/api/v1/${PID}/secrets/db/versions/v1`;

/** Every security header, and a CSMS body without the request's URL in it. */
function expectGuarded(res: { status: number; headers: Record<string, string>; body: string }, what: string) {
  expect(res.headers['content-security-policy'], what).toContain("default-src 'none'");
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['cache-control'], what).toBe('no-store');
  expect(res.headers['x-request-id'], what).toMatch(/^[0-9a-f]{32}$/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(body).sort(), what).toEqual(['error_code', 'error_msg']);
  expect(String(body.error_msg), what).not.toMatch(/secrets|%|evil/);
}

describe('the host allowlist (DNS rebinding)', () => {
  it('refuses a request for a foreign host with 421 before any other work', async () => {
    calls = 0;
    for (const host of [
      'rebind.example:' + port(),
      'evil.example',
      `127.0.0.1.evil.example:${port()}`,
      `localhost:${Number(port()) + 1}`,
    ]) {
      const res = await rawRequest(server.url, 'GET', valuePath, { ...CONSOLE, Host: host });
      expect(res.status, host).toBe(421);
      expectGuarded(res, host);
    }
    // An absolute-form target names a host too.
    const absolute = await rawRequest(server.url, 'GET', `http://rebind.example:${port()}${valuePath}`, CONSOLE);
    expect(absolute.status).toBe(421);
    expect(calls).toBe(0);
  });

  it('answers its own names, the loopback names and CONSOLE_ALLOWED_HOSTS', async () => {
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `[::1]:${port()}`,
      'console.example.com',
      `console.example.com:${port()}`,
    ])
      expect((await rawRequest(server.url, 'GET', valuePath, { ...CONSOLE, Host: host })).status, host).toBe(200);
  });

  it('lets probes through from any host (a load balancer names an instance by its address)', async () => {
    const healthz = await rawRequest(server.url, 'GET', '/healthz', { Host: '10.1.2.3:8080' });
    expect([healthz.status, JSON.parse(healthz.body)]).toEqual([200, { status: 'ok' }]);
    const readyz = await rawRequest(server.url, 'GET', '/readyz', { Host: '10.1.2.3:8080' });
    expect(readyz.status).toBe(200);
    expect(JSON.parse(readyz.body)).toMatchObject({
      status: 'ready',
      checks: [{ name: 'csms', ok: true, latency_ms: expect.any(Number) }],
    });
    expect(readyz.body).not.toContain(upstreamUrl);
  });
});

describe('the API guards, whatever the spelling of the URL', () => {
  const spellings = (path: string, base = server.url) => [
    path,
    path.replace('/api/', '/%61pi/'),
    path.replace('/v1/', '/%761/'),
    `http://127.0.0.1:${new URL(base).port}${path}`,
  ];

  it('refuse a request without the console header, or from another site, before any upstream call', async () => {
    calls = 0;
    for (const target of spellings(valuePath)) {
      const bare = await rawRequest(server.url, 'GET', target);
      expect(bare.status, target).toBe(403);
      expectGuarded(bare, target);
      for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'http://evil.example' }] as Record<string, string>[])
        expect((await rawRequest(server.url, 'GET', target, { ...CONSOLE, ...headers })).status, target).toBe(403);
      expect((await rawRequest(server.url, 'GET', target, CONSOLE)).status, target).toBe(200);
    }
    expect(calls).toBe(spellings(valuePath).length);
  });

  it('refuse a request without a session in sign-in mode, with 401 and never a 500', async () => {
    const iam = await startTestServer(
      { endpoint: upstreamUrl, ...creds },
      { auth: { mode: 'iam', idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 5, sessionsPerUser: 5 }, credentials: null },
    );
    try {
      calls = 0;
      for (const target of [...spellings(valuePath, iam.url), ...spellings('/api/config', iam.url)]) {
        const res = await rawRequest(iam.url, 'GET', target, CONSOLE);
        expect(res.status, target).toBe(401);
        expectGuarded(res, target);
      }
      expect(calls).toBe(0);
    } finally {
      await iam.close();
    }
  });
});

describe('header mode (an authenticating reverse proxy names the user)', () => {
  const user = { 'x-auth-request-user': 'alice@example.com' };

  it('refuses a repeated user header, which could name two people', async () => {
    const proxied = await startTestServer(
      { endpoint: upstreamUrl, ...creds },
      { auth: { mode: 'header', header: 'x-auth-request-user' }, trustedProxies: ['127.0.0.1'] },
    );
    try {
      expect((await rawRequest(proxied.url, 'GET', valuePath, { ...CONSOLE, ...user })).status).toBe(200);
      const twice = `GET ${valuePath}`;
      const res = await rawRequest(proxied.url, 'GET', valuePath, { ...CONSOLE, ...user, 'X-Auth-Request-User': 'bob@example.com' });
      expect(res.status, twice).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('believes the header only from a trusted proxy address, or with the proxy secret', async () => {
    const elsewhere = await startTestServer(
      { endpoint: upstreamUrl, ...creds },
      { auth: { mode: 'header', header: 'x-auth-request-user' }, trustedProxies: ['10.9.8.7'] },
    );
    const secret = 'proxy-secret-0123456789abcdef0123456789';
    const withSecret = await startTestServer(
      { endpoint: upstreamUrl, ...creds },
      { auth: { mode: 'header', header: 'x-auth-request-user', proxySecret: secret } },
    );
    try {
      expect((await rawRequest(elsewhere.url, 'GET', valuePath, { ...CONSOLE, ...user })).status).toBe(401);
      expect((await rawRequest(withSecret.url, 'GET', valuePath, { ...CONSOLE, ...user })).status).toBe(401);
      expect((await rawRequest(withSecret.url, 'GET', valuePath, { ...CONSOLE, ...user, [PROXY_SECRET_HEADER]: 'wrong' })).status).toBe(
        401,
      );
      expect((await rawRequest(withSecret.url, 'GET', valuePath, { ...CONSOLE, ...user, [PROXY_SECRET_HEADER]: secret })).status).toBe(200);
    } finally {
      await elsewhere.close();
      await withSecret.close();
    }
  });

  it('will not start without a trusted proxy or a proxy secret', () => {
    const env = { CONSOLE_AUTH: 'header', CONSOLE_AUTH_HEADER: 'X-Auth-Request-User' };
    expect(() => serverConfigFromEnv(env)).toThrow(/CONSOLE_TRUSTED_PROXIES.*CONSOLE_AUTH_PROXY_SECRET/);
    expect(serverConfigFromEnv({ ...env, CONSOLE_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(() => serverConfigFromEnv({ ...env, CONSOLE_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/not an IP address/);
    expect(() => serverConfigFromEnv({ ...env, CONSOLE_AUTH_PROXY_SECRET: 'short' })).toThrow(/at least 32/);
  });
});

describe('behind a reverse proxy', () => {
  it('believes X-Forwarded-For from a trusted proxy only, and limits value reads per person', async () => {
    const behind = await startTestServer(
      { endpoint: upstreamUrl, ...creds },
      { auth: { mode: 'header', header: 'x-auth-request-user' }, trustedProxies: ['127.0.0.1'], valueReadsPerMinute: 2 },
    );
    const direct = await startTestServer({ endpoint: upstreamUrl, ...creds }, { valueReadsPerMinute: 1000 });
    try {
      const read = (who: string) => behind.get(valuePath, { 'x-auth-request-user': who, 'x-forwarded-for': '203.0.113.7' });
      const statuses = [];
      for (const who of ['alice', 'alice', 'alice', 'bob', 'bob']) statuses.push((await read(who)).status);
      expect(statuses).toEqual([200, 200, 429, 200, 200]);
      expect(behind.auditLines().at(-1)).toMatchObject({ who: 'user:bob', client_ip: '203.0.113.7' });
      // Not a trusted proxy: the header is the client's own claim, and ignored.
      await direct.get(valuePath, { 'x-forwarded-for': '203.0.113.7' });
      expect(direct.auditLines().at(-1)).toMatchObject({ client_ip: '127.0.0.1' });
    } finally {
      await behind.close();
      await direct.close();
    }
  });
});

describe('the per-start token (server credentials, nobody signs in)', () => {
  it('lets in only the browser that opened the printed link, once', async () => {
    const token = 'start-token-0123456789abcdef';
    const guarded = await startTestServer({ endpoint: upstreamUrl, ...creds }, { startToken: token, mode: 'cloud' });
    try {
      expect((await guarded.get(valuePath)).status).toBe(401);
      expect((await fetch(`${guarded.url}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
      const opened = await rawRequest(guarded.url, 'GET', `/.//evil.example/?token=${token}&q=db`);
      expect(opened.status).toBe(303);
      // Never `//evil.example/`, which a browser would take for another site.
      expect(opened.headers.location).toBe('/evil.example/?q=db');
      const cookie = opened.headers['set-cookie']!;
      expect(cookie).toMatch(/^__Host-csms-start=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      expect((await guarded.get(valuePath, { cookie: cookie.split(';')[0]! })).status).toBe(200);
      // Used once: the link in a history or a scrollback opens nothing now.
      expect((await fetch(`${guarded.url}/?token=${token}`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("tells a browser opening a page without the cookie what to do, in its language; the app's calls keep the CSMS body", async () => {
    const token = 'start-token-0123456789abcdef';
    const guarded = await startTestServer({ endpoint: upstreamUrl, ...creds }, { startToken: token, mode: 'cloud' });
    const deepLink = `/projects/${PID}/secrets/db?token=<b>wrong</b>`;
    const page = (headers: Record<string, string>) => rawRequest(guarded.url, 'GET', deepLink, headers);
    const navigate = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', Accept: 'text/html,*/*;q=0.8' };
    try {
      const en = await page({ ...navigate, 'Accept-Language': 'en-GB,zh-CN;q=0.5' });
      expect([en.status, en.headers['content-type']]).toEqual([401, 'text/html; charset=utf-8']);
      expect(en.headers['content-security-policy']).toContain("script-src 'self'");
      expect(en.headers['cache-control']).toBe('no-store');
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('<h1>This console opens only through its start link</h1>');
      expect(en.body).toContain('Ask whoever runs the console for that link');
      expect(en.body).not.toMatch(/<script|style=|<style|wrong|token=/);

      const zh = await page({ ...navigate, 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' });
      expect(zh.status).toBe(401);
      expect(zh.body).toContain('<html lang="zh-CN">');
      expect(zh.body).toContain('<h1>此控制台只能通过启动链接打开</h1>');

      // No Fetch Metadata (an older client): an Accept that prefers HTML is a page.
      expect((await page({ Accept: 'text/html' })).headers['content-type']).toBe('text/html; charset=utf-8');
      for (const headers of [
        { ...CONSOLE, 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty', Accept: 'application/json' },
        { ...CONSOLE, Accept: '*/*' },
        { Accept: 'application/json, text/html;q=0.5' },
      ]) {
        const call = await rawRequest(guarded.url, 'GET', valuePath, headers);
        expect([call.status, call.headers['content-type']]).toEqual([401, 'application/json; charset=utf-8']);
        expect(JSON.parse(call.body)).toEqual({
          error_code: 'CONSOLE.0401',
          error_msg: 'Open the link the console printed at start: it holds a one-time token.',
        });
      }

      // Once the link was opened (in another browser), the page says it works once.
      expect((await fetch(`${guarded.url}/?token=${token}`, { redirect: 'manual' })).status).toBe(303);
      const spent = await page(navigate);
      expect(spent.status).toBe(401);
      expect(spent.body).toContain('The start link works once, and it has been opened already');
    } finally {
      await guarded.close();
    }
  });
});

describe('every answer the server can give', () => {
  it('carries the security headers and a CSMS body, framework and parser errors included', async () => {
    const cases: [string, () => ReturnType<typeof rawRequest>, number][] = [
      ['bad percent-encoding', () => rawRequest(server.url, 'GET', '/api/v1/%E0%A4%A/secrets', CONSOLE), 400],
      ['invalid parameter', () => rawRequest(server.url, 'GET', `/api/v1/${PID}/secrets/bad..name`, CONSOLE), 400],
      ['no such API', () => rawRequest(server.url, 'GET', `/api/v2/${PID}`, CONSOLE), 404],
      ['a parameter past the router limit', () => rawRequest(server.url, 'GET', `/api/v1/${PID}/secrets/${'a'.repeat(300)}`, CONSOLE), 414],
      ['another method', () => rawRequest(server.url, 'DELETE', `/api/v1/${PID}/secrets/db`, CONSOLE), 405],
      [
        'a body too large',
        () => rawRequest(server.url, 'POST', '/api/audit', { ...CONSOLE, 'Content-Type': 'application/json' }, 'x'.repeat(20_000)),
        413,
      ],
      ['a foreign host', () => rawRequest(server.url, 'GET', '/', { Host: 'evil.example' }), 421],
      ['headers too large', () => rawRequest(server.url, 'GET', '/', { 'X-Big': 'x'.repeat(20_000) }), 431],
      ['a malformed request', () => rawRequest(server.url, 'GET', '/ with spaces', {}), 400],
    ];
    for (const [what, send, status] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      expect(res.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(typeof body.error_code, what).toBe('string');
      expect(String(body.error_msg), what).not.toMatch(/%E0|aaaa|with spaces/);
    }
  });

  it('sends the app with 200 on its pages and 404 elsewhere', async () => {
    const page = await fetch(`${server.url}/projects/${PID}/secrets/db/stages/SYSCURRENT`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const nowhere = await fetch(`${server.url}/no/such/page`);
    expect([nowhere.status, nowhere.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    expect(await nowhere.text()).toBe(readFileSync('src/server/testing/static/index.html', 'utf8'));
    for (const path of ['/healthz', '/readyz'])
      expect((await fetch(`${server.url}${path}`)).headers.get('content-type'), path).not.toContain('text/html');
  });

  it('lets the origins of CONSOLE_FRAME_ANCESTORS frame the overview pages, and nothing else', async () => {
    const framed = await startTestServer({ endpoint: upstreamUrl, ...creds }, { frameAncestors: ['https://grafana.example.com'] });
    try {
      for (const path of ['/overview', `/projects/${PID}/overview`]) {
        const res = await fetch(`${framed.url}${path}`);
        expect(res.headers.get('content-security-policy'), path).toContain('frame-ancestors https://grafana.example.com;');
        expect(res.headers.get('x-frame-options'), path).toBeNull();
      }
      for (const path of [`/projects/${PID}/secrets/db/versions/v1`, `/projects/${PID}/secrets`, '/nowhere']) {
        const res = await fetch(`${framed.url}${path}`);
        expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      }
      expect((await framed.get(valuePath)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await framed.close();
    }
  });

  it('refuses an upstream answer past 16 MiB as it streams, chunked or not', async () => {
    chunkedMiB = 20;
    try {
      const res = await server.get(`/api/v1/${PID}/secrets/db`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error_msg: string }).error_msg).toContain('too large');
    } finally {
      chunkedMiB = 0;
    }
  });
});
