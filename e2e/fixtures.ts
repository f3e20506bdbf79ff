// Shared fixtures: a fresh CSMS project per test (data created through the emulator's CSMS API,
// signed like any SDK would), the emulator's test-only controls, and a watch on every page for
// console errors, page errors and CSP violations, which fail the test.
import { test as base, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { csmsClient, type CsmsClient } from '../src/emulator/testing/csms-client.ts';
import { E2E_PORT } from '../playwright.config.ts';

export const EMULATOR_URL = `http://127.0.0.1:${E2E_PORT + 10}`;
export const DEMO_PROJECT = '2b8e4f1a9c3d47e6b5a0f8c7d6e5b4a3';

export interface FaultRule {
  path: string;
  method?: string;
  count?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay_ms?: number;
  malformed?: boolean;
  reset?: boolean;
}

export const emulator = {
  async addFault(rule: FaultRule) {
    const res = await fetch(`${EMULATOR_URL}/emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    expect(res.status).toBe(200);
  },
  /** Requests that reached the emulator whose path matches. */
  async requests(pathPattern: RegExp) {
    const { requests } = (await (await fetch(`${EMULATOR_URL}/emulator/requests`)).json()) as {
      requests: { method: string; path: string; status: number }[];
    };
    return requests.filter((r) => pathPattern.test(r.path));
  },
  async setState(projectId: string, name: string, state: string, scheduledDeleteTime?: number) {
    const res = await fetch(`${EMULATOR_URL}/emulator/v1/${projectId}/secrets/${name}/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state, scheduled_delete_time: scheduledDeleteTime }),
    });
    expect(res.status).toBe(200);
  },
};

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

type Fixtures = { projectId: string; csms: CsmsClient; pageProblems: string[] };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  projectId: async ({}, use) => use(randomBytes(16).toString('hex')),
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
