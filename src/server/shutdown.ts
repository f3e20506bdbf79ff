// Stopping without losing a request, as a rolling restart needs: on SIGTERM (or Ctrl-C) the
// server stops accepting connections and /readyz answers 503 at once, the requests in flight are
// answered (each with `Connection: close`, so no client sends another on that connection), for at
// most `graceMs`, then what is left is cut; the audit log is put on disk (an onClose hook of the
// server), what the process still holds is closed, and it exits 0.
import type { FastifyInstance } from 'fastify';

export const GRACE_MS = 10_000;

/** Marks the server as stopping once it closes; returns whether it is. */
export function drainOnClose(app: FastifyInstance): () => boolean {
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (stopping) reply.header('Connection', 'close');
    done(null, payload);
  });
  return () => stopping;
}

export function stopOnSignals(app: FastifyInstance, closeRest: () => Promise<void>, graceMs = GRACE_MS) {
  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
    try {
      await app.close();
      await closeRest();
    } catch (error) {
      process.stderr.write(`Stopping: ${(error as Error).message}\n`);
      process.exitCode = 1;
    } finally {
      clearTimeout(cut);
    }
    process.exit();
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
