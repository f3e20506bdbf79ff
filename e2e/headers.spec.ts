// The security headers on every kind of response the production build serves, and framing
// from another origin refused.
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

test('every response carries the security headers', async ({ page, request }) => {
  const assets: string[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/assets/')) assets.push(res.url());
  });
  await page.goto(secretPath(DEMO_PROJECT, 'jwt-signing-key'));
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
  expect(assets.length).toBeGreaterThan(1);
  const api = { 'x-console-request': '1' };
  const targets: [string, Record<string, string>, number][] = [
    ['/', {}, 200],
    [secretPath(DEMO_PROJECT), {}, 200],
    [assets[0]!, {}, 200],
    ['/assets/missing.js', {}, 404],
    ['/favicon.svg', {}, 200],
    ['/api/config', api, 200],
    [`/api/v1/${DEMO_PROJECT}/secrets/jwt-signing-key`, api, 200],
    [`/api/v1/${DEMO_PROJECT}/secrets/missing`, api, 404],
    [`/api/v1/${DEMO_PROJECT}/secrets/bad%20name`, api, 400],
    [`/api/v1/${DEMO_PROJECT}/secrets/jwt-signing-key`, {}, 403],
    ['/api/nothing', api, 404],
  ];
  for (const [url, headers, status] of targets) {
    const res = await request.get(url, { headers });
    expect(res.status(), url).toBe(status);
    const h = res.headers();
    expect(h['content-security-policy'], url).toBe(CSP);
    expect(h['referrer-policy'], url).toBe('no-referrer');
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['cross-origin-opener-policy'], url).toBe('same-origin');
    expect(h['permissions-policy'], url).toContain('camera=()');
    expect(h['x-powered-by'], url).toBeUndefined();
    expect(h['access-control-allow-origin'], url).toBeUndefined();
    const immutable = url.includes('/assets/') && status === 200;
    expect(h['cache-control'], url).toBe(immutable ? 'public, max-age=31536000, immutable' : 'no-store');
  }
  const posted = await request.post(`/api/v1/${DEMO_PROJECT}/secrets/jwt-signing-key`, { headers: api });
  expect(posted.status()).toBe(405);
  expect(posted.headers()['content-security-policy']).toBe(CSP);
});

test('a page from another origin cannot frame the console', async ({ page, baseURL, pageProblems }) => {
  // about:blank with no CSP of its own frames the console: only the console's frame-ancestors stops it.
  await page.setContent(`<iframe title="framed console" src="${baseURL}/"></iframe>`);
  await expect.poll(() => pageProblems.some((p) => p.includes("frame-ancestors 'none'"))).toBe(true);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(await framed?.getByText('CSMS console').count()).toBe(0);
  pageProblems.length = 0; // the refusal logged above is the expected outcome
});
