// Lighthouse (desktop preset) on the production build served by `npm start` with the demo data:
// the performance, accessibility and best-practices scores of a cold load of the lookup page and
// of a version deep link. Chromium is Playwright's launch of Debian's, which Lighthouse drives
// through its remote-debugging port.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { startConsole } from './server.ts';

const DEBUGGING_PORT = 9339;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const PAGES = {
  lookup: `/projects/${DEMO_PROJECTS.production.id}/secrets`,
  version: `/projects/${DEMO_PROJECTS.production.id}/secrets/grafana-admin/versions/latest`,
};

export interface LighthouseResult {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits of these categories that did not get full marks, for the curious. */
  shortfalls: string[];
  /** Audits that could not run: a category with one has no score (counted as 0). */
  errors: string[];
}

export async function benchLighthouse(): Promise<LighthouseResult[]> {
  const server = await startConsole({ CSMS_EMULATOR_SEED: 'demo' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${DEBUGGING_PORT}`],
  });
  try {
    const results: LighthouseResult[] = [];
    // A run now and then comes back without a score (a trace Lighthouse could not read): one more try.
    const audit = async (url: string) => {
      for (let attempt = 1; ; attempt++) {
        const run = await lighthouse(url, { port: DEBUGGING_PORT, logLevel: 'error', onlyCategories: [...CATEGORIES] }, desktopConfig);
        if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
        const complete = CATEGORIES.every((c) => typeof run.lhr.categories[c]?.score === 'number');
        if (complete || attempt === 2) return run.lhr;
      }
    };
    for (const [page, path] of Object.entries(PAGES)) {
      const { categories, audits, runtimeError } = await audit(`${server.consoleUrl}${path}`);
      if (runtimeError) throw new Error(`Lighthouse on ${page}: ${runtimeError.code} ${runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
      ) as LighthouseResult['scores'];
      const shortfalls = Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric'))
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      const errors = Object.values(audits)
        .filter((a) => a.scoreDisplayMode === 'error')
        .map((a) => `${a.id}: ${a.errorMessage ?? 'error'}`);
      results.push({ page, scores, shortfalls, errors });
    }
    return results;
  } finally {
    await browser.close();
    server.stop();
  }
}
