// Attempts refused before anyone is identified (another host, no start cookie, another site, no
// session) are not audited one by one: anyone can send them, as fast as they like, and a read
// that cannot be audited is refused, so a line each would let a stranger fill the disk and stop
// every read. They are counted per client address and minute instead, and each minute writes one
// line per client ("N refused attempts from X for Y"), for at most MAX_CLIENTS clients; the
// others of that minute share one line. The target recorded is capped.
import type { Audit } from './audit.ts';

export const TALLY_WINDOW_MS = 60_000;
/** Clients with a line of their own each minute; the rest are counted together. */
export const MAX_CLIENTS = 100;
/** Characters of the target (method and URL) kept: the first refused attempt's. */
const TARGET_MAX = 120;
const OTHERS = '*';

export interface RefusalTally {
  count(clientIp: string, target: string): void;
  /** Writes the minute's lines now (at shutdown). */
  flush(): void;
  close(): void;
}

export function createRefusalTally(audit: Audit, onCount: () => void = () => {}, clock: () => number = Date.now): RefusalTally {
  let since = clock();
  let clients = new Map<string, { count: number; target: string }>();
  const flush = () => {
    const ended = clients;
    const from = since;
    clients = new Map();
    since = clock();
    for (const [clientIp, { count, target }] of ended) audit({ action: 'refused', clientIp, count, target, since: from });
  };
  const timer = setInterval(flush, TALLY_WINDOW_MS);
  timer.unref();
  return {
    count(clientIp, target) {
      onCount();
      const key = clients.has(clientIp) || clients.size < MAX_CLIENTS ? clientIp : OTHERS;
      const known = clients.get(key);
      if (known) known.count += 1;
      else clients.set(key, { count: 1, target: target.slice(0, TARGET_MAX) });
    },
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
