// A relay between the console and the emulator, as the cloud's distance: the bytes of each
// connection passed on at the TCP level, half the round trip late each way (as a network link
// delays them, `tc netem`-like), and the calls counted from their request lines. It parses no
// HTTP and builds no request, so its own CPU, which shares the cores with what is measured, stays
// small.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** A request line's start: the method, then the target up to its query or the version. */
const REQUEST_LINE = /^(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) (\S+)/;
const VERSION_LISTING = /\/versions(?:\?|$)/;

/** Relays every connection to `upstream`, `delayMs` late in all (half each way), counting the
 * calls and the version listings in flight, and noting when the last one was answered. */
export async function startDelayingRelay(upstream: string, delayMs: number) {
  const target = new URL(upstream);
  let calls = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  let lastVersionsAnsweredAt = 0;
  const sockets = new Set<Socket>();
  const later = (send: () => void) => (delayMs > 0 ? void setTimeout(send, delayMs / 2) : send());

  const relay = createServer((client) => {
    const server = connect(Number(target.port), target.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.once('close', () => sockets.delete(socket));
    }
    // One call at a time on a connection (the console does not pipeline): is it a version listing?
    let listingVersions = false;
    client.on('data', (chunk: Buffer) => {
      const target = REQUEST_LINE.exec(chunk.toString('latin1', 0, Math.min(chunk.length, 512)))?.[1];
      if (target !== undefined) {
        calls += 1;
        listingVersions = VERSION_LISTING.test(target);
        if (listingVersions) mostInFlight = Math.max(mostInFlight, ++inFlight);
      }
      later(() => server.write(chunk));
    });
    server.on('data', (chunk: Buffer) =>
      later(() => {
        // The answer's first bytes reach the console: the call is answered.
        if (listingVersions && chunk.toString('latin1', 0, 5) === 'HTTP/') {
          listingVersions = false;
          inFlight -= 1;
          lastVersionsAnsweredAt = performance.now();
        }
        client.write(chunk);
      }),
    );
    // Either side closing or failing ends the pair, once the delayed bytes have gone.
    client.on('end', () => later(() => server.end()));
    server.on('end', () => later(() => client.end()));
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    calls: () => calls,
    mostInFlight: () => mostInFlight,
    lastVersionsAnsweredAt: () => lastVersionsAnsweredAt,
    close: () => {
      relay.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
