// Reads a process's heap after a full garbage collection, through the inspector protocol (the
// process is started with --inspect on loopback). RSS alone cannot tell growth from a leak.
import { WebSocket } from 'undici';

export async function connectHeapProbe(inspectorUrl: string) {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id) pending.get(message.id)?.(message.result);
  });
  const call = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    /** Heap in use after a full GC, in MiB. */
    async heapAfterGcMiB(): Promise<number> {
      await call('HeapProfiler.collectGarbage');
      const { result } = await call<{ result: { value: number } }>('Runtime.evaluate', {
        expression: 'process.memoryUsage().heapUsed',
        returnByValue: true,
      });
      return result.value / 2 ** 20;
    },
    close: () => socket.close(),
  };
}
