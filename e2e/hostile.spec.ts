// Hostile content: values, descriptions and names made to break a page render literally, run
// nothing and keep the page responsive.
import { expect, secretPath, test } from './fixtures.ts';

const PWN = 'window.__pwned=1';
const HOSTILE = [
  `<img src=x onerror="${PWN}">`,
  `<script>${PWN}</script>`,
  `</script><script>${PWN}</script>`,
  `<svg onload="${PWN}">`,
  `<iframe src="javascript:${PWN}"></iframe>`,
  `javascript:${PWN}`,
  `"><img src=x onerror=${PWN}>`,
  `'><svg/onload=${PWN}>`,
  `<a href="javascript:${PWN}">click</a>`,
  `<style>*{display:none}</style>`,
  `<link rel=stylesheet href=//evil.example/x.css>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example">`,
  `<base href="https://evil.example/">`,
  `<form action="https://evil.example"><input name=x></form>`,
  `{{constructor.constructor('${PWN}')()}}`,
  `\${${PWN}}`,
  `<!--`,
  `]]><![CDATA[`,
  `&lt;b&gt;entity&lt;/b&gt; &amp; &#x3C;`,
  `\u202Etxt.exe\u202C — right-to-left override`,
  `zero\u200Bwidth\u200Cjoin\u200Dners\uFEFF`,
  `\u0000NUL and \u0007 bell and \u001b[31m ANSI`,
  `line one\r\nline two\n\tindented`,
  `   leading and trailing spaces   `,
  `emoji 🔑🧪 and 𝓾𝓷𝓲𝓬𝓸𝓭𝓮 and 中文 and العربية`,
  `Z̵̧̛̝a̶̡̟l̷̨̛g̶̢̛o̴̧̕ text`,
  `{"a": `,
  `{"user": "x", "password": "<img src=x onerror=${PWN}>"}`,
  `[1, 2, {"nested": [true, null, "<script>${PWN}</script>"]}]`,
  `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}`,
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `{"key": "${'x'.repeat(2000)}"}`,
  `%s%s%s%n %x %d`,
  `'; DROP TABLE secrets; --`,
  `../../../../etc/passwd`,
  `data:text/html,<script>${PWN}</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
  `<details open ontoggle=${PWN}>`,
  `<video><source onerror="${PWN}">`,
  `<body onload=${PWN}>`,
  'A'.repeat(32768),
  `${'<b>'.repeat(5000)}`,
];
const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '-', '_', 'A'.repeat(64)];

test.describe.configure({ mode: 'parallel' });

// Small chunks: each value is two page loads, and on a loaded two-core machine a page load can take 2 s.
const CHUNK = 5;
for (let start = 0; start < HOSTILE.length; start += CHUNK) {
  test(`values and descriptions ${start}–${Math.min(start + CHUNK, HOSTILE.length) - 1} render literally`, async ({
    page,
    projectId,
    csms,
  }) => {
    test.setTimeout(60_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const items = HOSTILE.slice(start, start + CHUNK);
    for (const [i, text] of items.entries())
      expect((await csms.createSecret({ name: `h${start + i}`, secret_string: text, description: text.slice(0, 2048) })).status).toBe(200);

    for (const [i, text] of items.entries()) {
      const name = `h${start + i}`;
      await page.goto(secretPath(projectId, name));
      expect(await page.getByTestId('secret-description').textContent(), `description ${start + i}`).toBe(text.slice(0, 2048));
      await page.goto(`${secretPath(projectId, name)}/versions/v1`);
      await page.getByRole('button', { name: 'Reveal value' }).click();
      // The view buttons render with the value (a flat object opens on its fields): wait for one.
      const textView = page.getByRole('button', { name: 'Text', exact: true });
      await textView.or(page.getByTestId('secret-value')).first().waitFor();
      if (await textView.count()) await textView.click();
      expect(await page.getByTestId('secret-value').textContent(), `value ${start + i}`).toBe(text);
      const frame = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t = performance.now();
            requestAnimationFrame(() => resolve(performance.now() - t));
          }),
      );
      expect(frame, `frame after value ${start + i}`).toBeLessThan(500);
    }
    await page.goto(secretPath(projectId));
    await expect(page.getByText(`${items.length} secrets`, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
}

test('hostile secret and stage names work as plain names', async ({ page, projectId, csms }) => {
  for (const name of HOSTILE_NAMES) {
    expect((await csms.createSecret({ name, secret_string: `value of ${name}` })).status).toBe(200);
    expect((await csms.updateStage(name, HOSTILE_NAMES[(HOSTILE_NAMES.indexOf(name) + 1) % HOSTILE_NAMES.length]!, 'v1')).status).toBe(200);
  }
  await page.goto(secretPath(projectId));
  await expect(page.getByText(`${HOSTILE_NAMES.length} secrets`, { exact: true })).toBeVisible();
  for (const name of ['__proto__', 'constructor', 'toString']) {
    await page.goto(secretPath(projectId, name));
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const stage = HOSTILE_NAMES[(HOSTILE_NAMES.indexOf(name) + 1) % HOSTILE_NAMES.length]!;
    await page.getByRole('list', { name: 'Stage map' }).getByRole('link', { name: stage, exact: true }).click();
    await expect(page.getByRole('heading', { name: `${name} stage ${stage}` })).toBeVisible();
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByTestId('secret-value')).toHaveText(`value of ${name}`);
  }
});
