// What a browser opening the console without the start cookie shows: a colleague pasting a link
// from chat must learn what to do, not read a JSON error. Static words only (no request input is
// ever written into it), no script and no inline style, so the console's strict CSP holds as is;
// `color-scheme` gives it the reader's light or dark theme without a stylesheet.
import type { FastifyRequest } from 'fastify';

type Language = 'en' | 'zh-CN';

interface Words {
  title: string;
  heading: string;
  why: string;
  steps: string[];
}

const NOT_OPENED: Record<Language, Words> = {
  en: {
    title: 'Open the start link first · CSMS console',
    heading: 'This console opens only through its start link',
    why: 'This console reads secrets with the key of the server it runs on, so it lets in only a browser that has opened the link printed when it was started (the start token link).',
    steps: [
      'Ask whoever runs the console for that link, and open it in this browser.',
      'Then open this page’s address again: it will work.',
    ],
  },
  'zh-CN': {
    title: '请先打开启动链接 · CSMS 控制台',
    heading: '此控制台只能通过启动链接打开',
    why: '此控制台使用其所在服务器的密钥读取凭据，因此只允许已打开其启动时输出的链接（启动令牌链接）的浏览器访问。',
    steps: ['请向运行此控制台的人索取该链接，并在此浏览器中打开。', '然后重新打开本页地址，即可正常访问。'],
  },
};

const ALREADY_OPENED: Record<Language, Words> = {
  en: {
    ...NOT_OPENED.en,
    steps: [
      'The start link works once, and it has been opened already: open this page’s address in the browser where it was opened.',
      'Or ask whoever runs the console to restart it, open the new link it prints in this browser, then this page’s address again.',
    ],
  },
  'zh-CN': {
    ...NOT_OPENED['zh-CN'],
    steps: [
      '启动链接只能使用一次，且已被打开：请在打开过该链接的浏览器中打开本页地址。',
      '或者请运行此控制台的人重新启动它，在此浏览器中打开新输出的链接，然后重新打开本页地址。',
    ],
  },
};

/** A browser loading a page, not the app's fetch: Fetch Metadata when sent, else what it accepts. */
export function isBrowserNavigation(req: FastifyRequest): boolean {
  const mode = req.headers['sec-fetch-mode'];
  const dest = req.headers['sec-fetch-dest'];
  if (mode !== undefined || dest !== undefined) return mode === 'navigate' || dest === 'document';
  return prefers(
    req.headers.accept ?? '',
    (type) => type === 'text/html',
    (type) => type === 'application/json',
  );
}

/** Whether the best-weighted entry of an Accept-style header that `a` or `b` matches is `a`'s. */
function prefers(header: string, a: (value: string) => boolean, b: (value: string) => boolean): boolean {
  let best: { weight: number; isA: boolean } | undefined;
  for (const entry of header.split(',')) {
    const [value = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!(weight > 0) || !(a(value) || b(value))) continue;
    if (!best || weight > best.weight) best = { weight, isA: a(value) };
  }
  return best?.isA ?? false;
}

/** 简体中文 when the browser prefers any Chinese over English, else English. */
export function pageLanguage(req: FastifyRequest): Language {
  const zh = prefers(
    req.headers['accept-language'] ?? '',
    (tag) => tag === 'zh' || tag.startsWith('zh-'),
    (tag) => tag === 'en' || tag.startsWith('en-'),
  );
  return zh ? 'zh-CN' : 'en';
}

/** The whole page; `redeemed`: the link was opened already, in some browser. */
export function startTokenPage(language: Language, redeemed: boolean): string {
  const words = (redeemed ? ALREADY_OPENED : NOT_OPENED)[language];
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${words.title}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${words.heading}</h1>`,
    `<p>${words.why}</p>`,
    `<ol>${words.steps.map((step) => `<li>${step}</li>`).join('')}</ol>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
