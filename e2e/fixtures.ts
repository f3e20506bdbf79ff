// Shared fixtures: a fresh CSMS project per test (data created through the emulator's CSMS API,
// signed like any SDK would), the emulator's test-only controls, and a watch on every page for
// console errors, page errors and CSP violations, which fail the test.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { emulatorAdmin, type FaultRule } from '../src/emulator/testing/admin-client.ts';
import { csmsClient, type CsmsClient } from '../src/emulator/testing/csms-client.ts';
import { EMULATOR_PORT } from '../playwright.config.ts';

export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
export const DEMO_PROJECT = DEMO_PROJECTS.production.id;

/** The emulator's test controls, its request log kept to the test's own project. */
function emulatorFor(projectId: string) {
  const admin = emulatorAdmin(EMULATOR_URL);
  return {
    addFault: (rule: FaultRule) => admin.addFault(rule),
    removeFault: (id: number) => admin.removeFault(id),
    setState: admin.setState,
    /** This test's requests that reached the emulator, whose path matches. */
    requests: (pathPattern: RegExp) => admin.requests(projectId, pathPattern),
  };
}

/** Counts the browser's requests whose URL path matches. */
export function countRequests(page: Page, pattern: RegExp) {
  const seen: string[] = [];
  page.on('request', (req) => {
    if (pattern.test(new URL(req.url()).pathname)) seen.push(req.url());
  });
  return {
    get count() {
      return seen.length;
    },
    urls: seen,
  };
}

type Fixtures = { projectId: string; csms: CsmsClient; emulator: ReturnType<typeof emulatorFor>; pageProblems: string[] };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  projectId: async ({}, use) => use(randomBytes(16).toString('hex')),
  emulator: async ({ projectId }, use) => use(emulatorFor(projectId)),
  csms: async ({ projectId }, use) =>
    use(csmsClient({ endpoint: EMULATOR_URL, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey, projectId })),
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (msg) => {
        // A failed API call (404, 503…) is logged by the browser itself; the page shows it.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`);
      });
      await use(problems);
      expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const secretPath = (projectId: string, name = '') => `/projects/${projectId}/secrets${name ? `/${name}` : ''}`;

/** What the clipboard holds, polled: a copy is written after the click resolves, and an earlier
 *  copy may still be there when the test first reads. */
export const expectClipboard = (page: Page) => expect.poll(() => page.evaluate(() => navigator.clipboard.readText()));

/** axe finds nothing against WCAG 2.1 A and AA, and could check the colours' contrast (a colour
 *  it cannot parse makes that rule error quietly, leaving no violation to see). */
export async function expectNoAxeViolations(page: Page, what?: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
  expect(
    results.passes.map((rule) => rule.id),
    `${what ?? 'the page'}: contrast checked`,
  ).toContain('color-contrast');
}
