// The stage history (csms/stage-history.ts) against the emulator's own state: random sequences of
// stage-moving calls, and for every time between them, the answer from the traces CTS recorded
// equals where each stage really pointed then.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONSE_SCHEMAS } from '../shared/schemas.ts';
import { stageAt, stageHistory } from '../shared/stage-history.ts';
import { STAGE_OPERATIONS } from '../shared/trace-change.ts';
import { EMULATOR_DEFAULTS } from './config.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';

const STAGES = ['SYSCURRENT', 'SYSPREVIOUS', 'CANARY', 'ROLLBACK'];
const step = fc.oneof(
  fc.record({ op: fc.constant('version' as const), stages: fc.option(fc.subarray(['SYSCURRENT', 'CANARY', 'ROLLBACK', 'SYSPREVIOUS'])) }),
  fc.record({ op: fc.constant('move' as const), stage: fc.constantFrom(...STAGES), version: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), stage: fc.constantFrom('CANARY', 'ROLLBACK') }),
  fc.record({ op: fc.constant('rotate' as const) }),
);

/** Waits for the clock to pass `time`, so a call after it is recorded strictly later. */
async function clockPast(time: number) {
  while (Date.now() <= time) await new Promise((resolve) => setImmediate(resolve));
}

describe('the stage history from CTS, against the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const pid = randomProjectId();
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  const tracesOf = async (secret: string) => {
    const traces = [];
    for (const operation of STAGE_OPERATIONS) {
      const query = new URLSearchParams({
        trace_type: 'system',
        service_type: 'CSMS',
        resource_name: secret,
        trace_name: operation,
        limit: '200',
      });
      const res = await fetch(`${emulator.url}/v3/${pid}/traces?${query}`, { headers: { 'X-Auth-Token': EMULATOR_DEFAULTS.token } });
      traces.push(...RESPONSE_SCHEMAS.ListTraces.parse(await res.json()).traces);
    }
    return traces;
  };

  it('answers, for every time, where each stage pointed then', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const csms = emulator.clientFor(pid);
        const secret = `prop-${n++}`;
        const stagesNow = async () => {
          const list = await csms.listVersions(secret, { limit: 50 });
          const map: Record<string, string> = {};
          for (const v of list.body.version_metadatas as { id: string; version_stages: string[] }[])
            for (const stage of v.version_stages) map[stage] = v.id;
          return map;
        };
        const beforeSecret = Date.now();
        await clockPast(beforeSecret);
        // A secret RotateSecret rotates (it refuses common ones).
        await csms.createSecret({ name: secret, secret_string: 'v', secret_type: 'RDS-FG' });
        let versions = 1;
        const snapshots: { time: number; stages: Record<string, string> }[] = [{ time: Date.now(), stages: await stagesNow() }];
        for (const s of steps) {
          await clockPast(snapshots.at(-1)!.time);
          if (s.op === 'version' || s.op === 'rotate') {
            const made =
              s.op === 'rotate'
                ? await csms.rotate(secret)
                : await csms.createVersion(secret, { secret_string: 'v', ...(s.stages && { version_stages: s.stages }) });
            expect(made.status).toBe(200);
            versions += 1;
          } else if (s.op === 'move') await csms.updateStage(secret, s.stage, `v${(s.version % versions) + 1}`);
          else await csms.deleteStage(secret, s.stage);
          snapshots.push({ time: Date.now(), stages: await stagesNow() });
        }
        const list = await csms.listVersions(secret, { limit: 50 });
        const history = stageHistory({
          traces: await tracesOf(secret),
          present: snapshots.at(-1)!.stages,
          versions: list.body.version_metadatas,
          secretCreated: (await csms.showSecret(secret)).body.secret.create_time,
          recordsFrom: beforeSecret - 1000,
          complete: true,
          now: Date.now(),
        });
        for (const stage of STAGES) {
          expect(stageAt(history, stage, beforeSecret)).toMatchObject({ known: true, version_id: null });
          snapshots.forEach(({ time, stages }, i) => {
            const answer = stageAt(history, stage, time);
            // A DeleteSecretStage trace names no stage: after two, which went first may be unknowable.
            const deletions = steps.slice(0, i).filter((s) => s.op === 'delete').length;
            if (!answer.known && deletions > 0)
              return expect(answer, `${stage} at ${i}`).toMatchObject({ reason: 'gap', gap: { operation: 'DeleteSecretStage' } });
            expect(answer, `${stage} at ${i}`).toMatchObject({ known: true, version_id: stages[stage] ?? null });
          });
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
