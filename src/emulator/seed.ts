// Seed data: `demo` (built in), `none`, or a JSON file (format in seed-file.ts). Seeding calls the
// same service functions as the HTTP API, so seeded secrets obey every CSMS rule.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { createSecretBody, createVersionBody, parseBody } from './bodies.ts';
import { demoSeed } from './demo-seed.ts';
import type { RecordsService } from './records.ts';
import { seedFileSchema, type SeedFile, type taskSeed, type TraceSeed } from './seed-file.ts';
import type { Service } from './service.ts';
import { callOfSeed, type Call, type Traces } from './traces.ts';

const UNIT_MS = { d: 86400_000, h: 3600_000, m: 60_000 } as const;

export function resolveTime(value: number | string, now: number): number {
  if (typeof value === 'number') return value;
  const sign = value.startsWith('-') ? -1 : 1;
  return now + sign * Number(value.slice(1, -1)) * UNIT_MS[value.at(-1) as keyof typeof UNIT_MS];
}

/** Reads the seed named by CSMS_EMULATOR_SEED. */
export function loadSeed(spec: string): SeedFile {
  if (spec === 'none') return { projects: [] };
  if (spec === 'demo') return seedFileSchema.parse(demoSeed());
  const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(spec, 'utf8')));
  if (!parsed.success) throw new Error(`The seed file ${spec} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Creates what the seed has and the database not yet (so restarting on the same database is a
 * no-op): secrets with their tags and rotation time, events, rotation tasks (by an id made from
 * their place in the seed) and, for a project that has none yet, notification records.
 */
export function applySeed(service: Service, records: RecordsService, traces: Traces, seed: SeedFile, now = Date.now()): number {
  let created = 0;
  // Who made the seeded secrets, as CTS tells it.
  const user = seed.iam?.users[0]?.name ?? seed.iam?.domain ?? 'csms-emulator';
  for (const project of seed.projects) {
    const hadTraces = traces.has(project.id);
    for (const key of project.keys) service.kms.put(project.id, key.key_id, key.alias, key.state);
    const calls: Call[] = [];
    const traced = (operation: TraceSeed['operation'], secret_name: string, time: number, answer: unknown) =>
      calls.push({
        ...callOfSeed(project.id, { operation, secret_name, time, user, source_ip: '10.12.0.8', status: 200 }, time),
        answer: JSON.stringify(answer),
      });
    for (const secret of project.secrets) {
      if (secretExists(service, project.id, secret.name)) continue;
      const { versions, stages, state, scheduled_delete_time, created: createdAt, tags, last_rotated, ...fields } = secret;
      const [first, ...rest] = versions;
      if (first!.expire_time !== undefined || first!.version_stages !== undefined)
        throw new Error(`Seed secret ${secret.name}: v1 comes from CreateSecret, which takes no expire_time or version_stages.`);
      const start = resolveTime(createdAt ?? first!.created ?? '-30d', now);
      const body = { ...fields, name: secret.name, secret_string: first!.secret_string, secret_binary: first!.secret_binary };
      traced('CreateSecret', secret.name, start, service.createSecret(project.id, parseBody(createSecretBody, body), { at: start }));
      rest.forEach((version, i) => {
        const at = version.created !== undefined ? resolveTime(version.created, now) : start + (i + 1) * 86400_000;
        const expire = version.expire_time !== undefined ? resolveTime(version.expire_time, now) : undefined;
        const body = { ...version, created: undefined, expire_time: expire };
        traced(
          'CreateSecretVersion',
          secret.name,
          at,
          service.createVersion(project.id, secret.name, parseBody(createVersionBody, body), { at }),
        );
      });
      for (const [stage, versionId] of Object.entries(stages ?? {}))
        traced(
          'UpdateSecretStage',
          secret.name,
          now - 3600_000,
          service.updateStage(project.id, secret.name, stage, versionId, { at: now - 3600_000 }),
        );
      for (const [key, value] of Object.entries(tags ?? {})) records.addTag(project.id, secret.name, key, value);
      if (last_rotated !== undefined) service.setLastRotation(project.id, secret.name, resolveTime(last_rotated, now));
      if (state && state !== 'ENABLED')
        service.setState(
          project.id,
          secret.name,
          state,
          scheduled_delete_time !== undefined ? resolveTime(scheduled_delete_time, now) : undefined,
        );
      created += 1;
    }
    seedRecords(records, project, now);
    if (!hadTraces) calls.push(...project.traces.map((t) => callOfSeed(project.id, t, resolveTime(t.time, now))));
    traces.add(calls);
  }
  return created;
}

function seedRecords(records: RecordsService, project: SeedFile['projects'][number], now: number) {
  for (const { created, ...event } of project.events) {
    if (records.listEvents(project.id, { limit: 1000 }).events.some((e) => e.name === event.name)) continue;
    records.createEvent(project.id, event, resolveTime(created ?? '-60d', now));
  }
  project.tasks.forEach((task, i) => {
    const taskId = seededId(`${project.id}:task:${i}`);
    if (records.listTasks(project.id, { task_id: taskId }, {}).tasks.length > 0) return;
    records.addTask(project.id, { ...taskOfSeed(task), task_id: taskId, task_time: resolveTime(task.task_time ?? '-1d', now) });
  });
  if (records.listNotificationRecords(project.id).records.length > 0) return;
  for (const record of project.notification_records)
    records.addNotification(project.id, { ...record, create_time: resolveTime(record.create_time ?? '-1d', now) });
}

/** A uuid made from a text, so that a seeded record keeps its id from one start to the next. */
function seededId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A seeded rotation task as the store keeps it: what the seed leaves out is null. */
export const taskOfSeed = (task: z.infer<typeof taskSeed>) => ({
  secret_name: task.secret_name,
  task_status: task.task_status,
  attempt_nums: task.attempt_nums,
  task_error_code: task.task_error_code ?? null,
  task_error_msg: task.task_error_msg ?? null,
  operate_type: task.operate_type ?? null,
  rotation_func_urn: null,
});

function secretExists(service: Service, projectId: string, name: string): boolean {
  try {
    service.showSecret(projectId, name);
    return true;
  } catch {
    return false;
  }
}
