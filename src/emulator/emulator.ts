// Starts a whole emulator: store, master key, seed, HTTP server.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildEmulatorApp } from './app.ts';
import type { EmulatorConfig } from './config.ts';
import { createIam } from './iam.ts';
import type { SeedProject } from './seed-file.ts';
import { applySeed, loadSeed } from './seed.ts';
import { createRecords } from './records.ts';
import { createService } from './service.ts';
import { createTraces } from './traces.ts';
import { openStore } from './store.ts';
import { parseMasterKey } from './vault.ts';

export interface RunningEmulator {
  url: string;
  projects: SeedProject[];
  close(): Promise<void>;
}

/**
 * The master key: from the environment, else from a file beside the database (made on first start,
 * readable by its owner only). A key file others can read is refused: it opens every value.
 */
function masterKeyFor(config: EmulatorConfig): Buffer {
  if (config.masterKey) return parseMasterKey(config.masterKey);
  if (config.dbPath === ':memory:') return randomBytes(32);
  const keyFile = `${config.dbPath}.master-key`;
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077)
    throw new Error(`${keyFile} can be read by others (mode ${mode.toString(8)}): it opens every stored value. Run: chmod 600 ${keyFile}`);
  return parseMasterKey(readFileSync(keyFile, 'utf8'));
}

export async function startEmulator(config: EmulatorConfig): Promise<RunningEmulator> {
  const seed = loadSeed(config.seed);
  const store = openStore(config.dbPath);
  const service = createService(store, masterKeyFor(config));
  const records = createRecords(store);
  const iam = await createIam(
    seed.iam,
    seed.projects.map(({ id, name }) => ({ id, name })),
  );
  const traces = createTraces(store.traces, () => iam.domain, { reads: config.ctsReads ?? false });
  applySeed(service, records, traces, seed);
  const app = buildEmulatorApp({ service, records, traces, auth: config.auth, faults: config.faults, iam });
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    projects: seed.projects.map(({ id, name, region }) => ({ id, name, region })),
    async close() {
      await app.close();
      traces.close();
      store.close();
    },
  };
}
