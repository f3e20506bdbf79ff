// A small load balancer for tests: round robin over the instances, and, as nginx does for an
// idempotent request, the next instance when one refuses the connection or drops it before
// answering. A request whose answer has begun is never sent twice.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export async function startRoundRobin(ports: number[]) {
  const agent = new Agent({ keepAlive: true });
  let next = 0;

  /** `first`: the instance this request went to first; each retry goes to the next one. */
  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, first: number, attempt = 0) {
    const port = ports[(first + attempt) % ports.length]!;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else if (attempt < ports.length * 3) forward(req, body, res, first, attempt + 1);
      else res.writeHead(502).end();
    });
    upstream.end(body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, next++));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
