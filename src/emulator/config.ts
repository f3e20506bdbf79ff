// The emulator's settings, from the environment. Defaults make `npm start` work with nothing set.
import { z } from 'zod';
import { readEnv } from '../shared/read-env.ts';

/** Documented demo credentials: loopback only, never real. */
export const EMULATOR_DEFAULTS = {
  token: 'csms-emulator-token-0123456789abcdef0123456789abcdef',
  accessKey: 'CSMSEMULATORAK000001',
  secretKey: 'csms-emulator-sk-local-use-only-00000000',
} as const;

const envSchema = z.object({
  CSMS_EMULATOR_HOST: z.string().default('127.0.0.1'),
  CSMS_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  CSMS_EMULATOR_DB: z.string().min(1).default('.data/csms-emulator.sqlite'),
  CSMS_EMULATOR_MASTER_KEY: z.string().optional(),
  CSMS_EMULATOR_SEED: z.string().min(1).default('demo'),
  CSMS_EMULATOR_FAULTS: z.enum(['0', '1']).default('0'),
  CSMS_EMULATOR_CTS_READS: z.enum(['0', '1']).default('0'),
  CSMS_EMULATOR_TOKEN: z.string().min(32, 'must be at least 32 characters').default(EMULATOR_DEFAULTS.token),
  CSMS_EMULATOR_AK: z.string().min(1).default(EMULATOR_DEFAULTS.accessKey),
  CSMS_EMULATOR_SK: z.string().min(1).default(EMULATOR_DEFAULTS.secretKey),
});

export interface EmulatorConfig {
  host: string;
  port: number;
  dbPath: string;
  masterKey?: string;
  seed: string;
  faults: boolean;
  /** CTS records query (read) traces too, as it does once query reporting is configured. */
  ctsReads?: boolean;
  auth: { token: string; accessKey: string; secretKey: string };
}

export function emulatorConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const e = readEnv(envSchema, env);
  return {
    host: e.CSMS_EMULATOR_HOST,
    port: e.CSMS_EMULATOR_PORT,
    dbPath: e.CSMS_EMULATOR_DB,
    masterKey: e.CSMS_EMULATOR_MASTER_KEY,
    seed: e.CSMS_EMULATOR_SEED,
    faults: e.CSMS_EMULATOR_FAULTS === '1',
    ctsReads: e.CSMS_EMULATOR_CTS_READS === '1',
    auth: { token: e.CSMS_EMULATOR_TOKEN, accessKey: e.CSMS_EMULATOR_AK, secretKey: e.CSMS_EMULATOR_SK },
  };
}
