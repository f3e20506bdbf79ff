// A relay between the console and the emulator, as the cloud's distance: every call forwarded
// after a delay, counted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

/** Forwards every call to `upstream` after `delayMs`, counting the calls and the version listings
 * in flight, and noting when the last one was answered. */
export async function startDelayingRelay(upstream: string, delayMs: number) {
  let calls = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  let lastVersionsAnsweredAt = 0;
  const relay = createServer((req: IncomingMessage, res: ServerResponse) => {
    calls += 1;
    const counted = /\/versions(\?|$)/.test(req.url ?? '');
    if (counted) mostInFlight = Math.max(mostInFlight, ++inFlight);
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (delayMs > 0) await sleep(delayMs);
      // Host kept as the console signed it.
      const answer = await request(`${upstream}${req.url}`, {
        method: req.method as 'GET',
        headers: req.headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, { 'content-type': 'application/json' }).end(body);
      if (counted) {
        inFlight -= 1;
        lastVersionsAnsweredAt = performance.now();
      }
    })();
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    calls: () => calls,
    mostInFlight: () => mostInFlight,
    lastVersionsAnsweredAt: () => lastVersionsAnsweredAt,
    close: () => relay.close(),
  };
}
