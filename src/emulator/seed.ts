// Seed data: `demo` (built in), `none`, or a JSON file (format in seed-file.ts). Seeding calls the
// same service functions as the HTTP API, so seeded secrets obey every CSMS rule.
import { readFileSync } from 'node:fs';
import { createSecretBody, createVersionBody, parseBody } from './bodies.ts';
import { demoSeed } from './demo-seed.ts';
import { seedFileSchema, type SeedFile } from './seed-file.ts';
import type { Service } from './service.ts';

const UNIT_MS = { d: 86400_000, h: 3600_000, m: 60_000 } as const;

export function resolveTime(value: number | string, now: number): number {
  if (typeof value === 'number') return value;
  const sign = value.startsWith('-') ? -1 : 1;
  return now + sign * Number(value.slice(1, -1)) * UNIT_MS[value.at(-1) as keyof typeof UNIT_MS];
}

/** Reads the seed named by CSMS_EMULATOR_SEED. */
export function loadSeed(spec: string): SeedFile {
  if (spec === 'none') return { projects: [] };
  if (spec === 'demo') return demoSeed();
  const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(spec, 'utf8')));
  if (!parsed.success) throw new Error(`The seed file ${spec} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Creates the seed's secrets that do not exist yet (so restarting on the same database is a no-op). */
export function applySeed(service: Service, seed: SeedFile, now = Date.now()): number {
  let created = 0;
  for (const project of seed.projects) {
    for (const secret of project.secrets) {
      if (secretExists(service, project.id, secret.name)) continue;
      const { versions, stages, state, scheduled_delete_time, created: createdAt, ...fields } = secret;
      const [first, ...rest] = versions;
      if (first!.expire_time !== undefined || first!.version_stages !== undefined)
        throw new Error(`Seed secret ${secret.name}: v1 comes from CreateSecret, which takes no expire_time or version_stages.`);
      const start = resolveTime(createdAt ?? first!.created ?? '-30d', now);
      const body = { ...fields, name: secret.name, secret_string: first!.secret_string, secret_binary: first!.secret_binary };
      service.createSecret(project.id, parseBody(createSecretBody, body), { at: start });
      rest.forEach((version, i) => {
        const at = version.created !== undefined ? resolveTime(version.created, now) : start + (i + 1) * 86400_000;
        const expire = version.expire_time !== undefined ? resolveTime(version.expire_time, now) : undefined;
        const body = { ...version, created: undefined, expire_time: expire };
        service.createVersion(project.id, secret.name, parseBody(createVersionBody, body), { at });
      });
      for (const [stage, versionId] of Object.entries(stages ?? {}))
        service.updateStage(project.id, secret.name, stage, versionId, { at: now - 3600_000 });
      if (state && state !== 'ENABLED')
        service.setState(
          project.id,
          secret.name,
          state,
          scheduled_delete_time !== undefined ? resolveTime(scheduled_delete_time, now) : undefined,
        );
      created += 1;
    }
  }
  return created;
}

function secretExists(service: Service, projectId: string, name: string): boolean {
  try {
    service.showSecret(projectId, name);
    return true;
  } catch {
    return false;
  }
}
