// DNS rebinding: a page on a name an attacker controls can be made to resolve to this console's
// address; its requests are then same-origin to the browser and carry that name in Host. So the
// console answers only to the names it knows: its listening address, the loopback names (with its
// port) and CONSOLE_ALLOWED_HOSTS. Anything else gets 421 before any other work. An absolute-form
// request target names a host too, and meets the same list.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import { refusal } from './errors.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const UNSPECIFIED = ['0.0.0.0', '::', '[::]'];

/** The Host values this console answers to: `name:port` for its own names, as given for the rest. */
export function allowedHostValues(listenHost: string, port: number, configured: string[]): Set<string> {
  const own = [...LOOPBACK_NAMES];
  const host = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost.toLowerCase();
  if (!UNSPECIFIED.includes(host)) own.push(host);
  const values = new Set(own.map((name) => `${name}:${port}`));
  if (port === 80) for (const name of own) values.add(name);
  for (const entry of configured) {
    values.add(entry);
    // A name without a port also answers on the console's own port.
    if (!/:[0-9]+$/.test(entry)) values.add(`${entry}:${port}`);
  }
  return values;
}

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The gate that refuses every request to a host this console does not know. */
export function hostAllowlist(app: FastifyInstance, listenHost: string, configured: string[]) {
  let allowed: Set<string> | undefined;
  return (req: FastifyRequest) => {
    if (!allowed) {
      const address = app.server.address();
      allowed = allowedHostValues(listenHost, typeof address === 'object' && address ? address.port : 0, configured);
    }
    const hosts = [req.headers.host?.toLowerCase()];
    if (ABSOLUTE_FORM.test(req.raw.url ?? '')) hosts.push(safeHost(req.raw.url!));
    if (hosts.every((h) => h !== undefined && allowed!.has(h))) return;
    return refusal(
      421,
      CONSOLE_ERRORS.misdirected,
      'This console does not answer to this host name. If it is yours, add it to CONSOLE_ALLOWED_HOSTS on the console server.',
    );
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
