// The console's "Use this secret" Node snippet, run as shown (its exact text, in a script context)
// against the emulator: Huawei's SDK core signs, the emulator answers, the value comes back.
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from './config.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';
import { usageSnippet, type SnippetTarget } from '../shared/usage-snippets.ts';

const pid = randomProjectId();
const VALUE_V1 = 'snippet-canary-v1';
const VALUE_V2 = '{"password":"snippet-canary-v2"}';

/** Runs the Node snippet's text as a CommonJS script and calls the function it declares. */
async function runNodeSnippet(text: string): Promise<unknown> {
  const context = vm.createContext({ require: createRequire(import.meta.url), process, console });
  vm.runInContext(text, context);
  return (context as { readSecretValue: () => Promise<unknown> }).readSecretValue();
}

describe('usage snippets', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const csms = emulator.clientFor(pid);
    expect((await csms.createSecret({ name: 'app-db', secret_string: VALUE_V1 })).status).toBe(200);
    expect((await csms.createVersion('app-db', { secret_string: VALUE_V2 })).status).toBe(200);
    expect((await csms.updateStage('app-db', 'blue', 'v1')).status).toBe(200);
    // The snippet reads the credentials from the environment, as it tells its reader to.
    process.env.HUAWEICLOUD_SDK_AK = EMULATOR_DEFAULTS.accessKey;
    process.env.HUAWEICLOUD_SDK_SK = EMULATOR_DEFAULTS.secretKey;
  });
  afterAll(async () => {
    process.env.HUAWEICLOUD_SDK_AK = saved.ak;
    process.env.HUAWEICLOUD_SDK_SK = saved.sk;
    await emulator.close();
  });

  const target = (extra: Partial<SnippetTarget>): SnippetTarget => ({
    projectId: pid,
    region: 'cn-north-4',
    secretName: 'app-db',
    endpoint: emulator.url,
    ...extra,
  });

  it('Node: reads a version as shown', async () => {
    expect(await runNodeSnippet(usageSnippet('node', target({ version: 'v1' })))).toBe(VALUE_V1);
    expect(await runNodeSnippet(usageSnippet('node', target({ version: 'latest' })))).toBe(VALUE_V2);
  });

  it('Node: reads a stage as shown (its version first)', async () => {
    expect(await runNodeSnippet(usageSnippet('node', target({ stage: 'blue' })))).toBe(VALUE_V1);
    expect(await runNodeSnippet(usageSnippet('node', target({ stage: 'SYSCURRENT' })))).toBe(VALUE_V2);
  });
});
