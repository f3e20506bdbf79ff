// Huawei's official Node SDK, given a key pair and a region but no project id, asks IAM for the
// project named exactly like the region (GET /v3/projects?name=cn-north-4, signed over the `{}`
// it sends with it) and then calls CSMS in that project. Run against `npm run emulator` as a
// person starts it (the demo data, its default key pair), in a process of its own.
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import { Region } from '@huaweicloud/huaweicloud-sdk-core/region/region.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from './config.ts';
import { DEMO_PROJECTS } from './demo-seed.ts';

let emulator: ChildProcess;
let url: string;

beforeAll(async () => {
  emulator = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: { ...process.env, CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'demo' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  emulator.stdout!.setEncoding('utf8');
  const started = new Promise<string>((resolve, reject) => {
    emulator.stdout!.on('data', (chunk: string) => {
      printed += chunk;
      const found = /CSMS emulator on (http:\/\/\S+)/.exec(printed);
      if (found) resolve(found[1]!);
    });
    emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it listened: ${printed}`)));
  });
  url = await started;
}, 60_000);
afterAll(async () => {
  if (emulator.exitCode !== null) return;
  emulator.kill('SIGTERM');
  await once(emulator, 'exit');
});

const clientFor = (region: string) =>
  new ClientBuilder((hcClient) => hcClient)
    .withCredential(new BasicCredentials().withAk(EMULATOR_DEFAULTS.accessKey).withSk(EMULATOR_DEFAULTS.secretKey).withIamEndpoint(url))
    .withRegion(new Region(region, url))
    .build();

describe("the official Node SDK's project discovery", () => {
  it('finds the project named like the region, and lists its secrets there', async () => {
    const client = clientFor(DEMO_PROJECTS.regionDefault.region);
    const answer: unknown = await client.sendRequest({
      method: 'GET',
      url: '/v1/{project_id}/secrets',
      contentType: 'application/json',
      queryParams: {},
      pathParams: {},
      headers: {},
    });
    // The one secret of that project, and of no other: the id found is the right one.
    expect(answer).toMatchObject({ secrets: [expect.objectContaining({ name: 'ops-webhook-token' })] });
  });
});
