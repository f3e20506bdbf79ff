// What is still English on a page shown in Chinese: every Latin word of the page's text (the
// screen-reader-only text and the options of a select included), of its labels (aria-label,
// title, placeholder, alt) and of its title, less what may stay English: names and ids (shown in
// a monospace font, or passed in `allow`), CSMS's own messages (passed in `allow`), and the
// technical words a Chinese console writes in Latin letters too (CSMS, IAM, HTTP, UTC…).
// Any page's test can call it: `expect(await englishLeft(page, { allow: [projectName] })).toEqual([])`.
import type { Page } from '@playwright/test';

export interface EnglishLeftOptions {
  /** Where to look: `body` unless said (e.g. `header` for the frame alone). */
  within?: string;
  /** Names, ids and CSMS's own messages on the page: taken out before the words are read. */
  allow?: readonly string[];
  /** Parts of the page not to read (a CSS selector each). */
  skip?: readonly string[];
}

/** Written in Latin letters on Huawei Cloud's Chinese console too. */
const TECHNICAL_WORDS = [
  'CSMS',
  'IAM',
  'MFA',
  'Token',
  'HTTP',
  'HTTPS',
  'JSON',
  'Markdown',
  'UTC',
  'GMT',
  'ID',
  'URL',
  'Cookie',
  'X-Subject-Token',
  'localhost',
  'http',
  'Ctrl',
  'Esc',
  // The switcher names each language in itself.
  'English',
];

/** Names, ids and code: what the console shows in a monospace font, key caps, and what says it is not to translate. */
const NOT_WORDS = ['.font-mono', 'code', 'kbd', '[translate="no"]'];

export async function englishLeft(page: Page, options: EnglishLeftOptions = {}): Promise<string[]> {
  return page.evaluate(
    ({ within, allow, skip, technical }) => {
      const root = document.querySelector(within);
      if (!root) return [`nothing matches ${within}`];
      const skipped = skip.join(', ');
      const left: string[] = [];
      const read = (text: string, where: string) => {
        let rest = text;
        for (const phrase of allow) if (phrase) rest = rest.split(phrase).join(' ');
        for (const word of rest.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g) ?? []) {
          // Single letters (a key, a unit), constants and settings (HUAWEICLOUD_SDK_PROJECT_ID), and
          // ids with digits (v3, cn-north-4) are not English.
          if (word.length === 1 || technical.includes(word) || /^[A-Z0-9_]+$/.test(word)) continue;
          const whole = new RegExp(`[A-Za-z0-9_-]*${word}[A-Za-z0-9_-]*`).exec(rest)?.[0] ?? word;
          if (/[0-9_]/.test(whole) || technical.includes(whole)) continue;
          left.push(`${word} (${where}: "${text.trim().slice(0, 80)}")`);
        }
      };
      const shown = (el: Element) => el.checkVisibility() || el.closest('select') !== null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style') || (skipped && parent.closest(skipped)) || !shown(parent)) continue;
        read(node.textContent ?? '', 'text');
      }
      for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
        if ((skipped && el.closest(skipped)) || !shown(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
          if (el.hasAttribute(name)) read(el.getAttribute(name) ?? '', name);
      }
      if (within === 'body') read(document.title, 'title');
      return left;
    },
    {
      within: options.within ?? 'body',
      allow: [...(options.allow ?? [])].sort((a, b) => b.length - a.length),
      skip: [...NOT_WORDS, ...(options.skip ?? [])],
      technical: TECHNICAL_WORDS,
    },
  );
}
