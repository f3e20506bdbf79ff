// Seed data: `demo` (built in), `none`, or a JSON file in the format below. Seeding calls the same
// service functions as the HTTP API, so seeded secrets obey every CSMS rule.
//
// {
//   "iam": { "domain": "csms-demo", "users": [{ "name": "operator", "password": "…", "projects": ["<32 hex>"],
//              "actions": ["csms:secret:list", "csms:secret:get"] }] },   (actions: all when absent)
//   "projects": [{
//     "id": "<32 hex>", "name": "cn-north-4_production", "region": "cn-north-4",
//     "secrets": [{
//       "name": "db-password", "description": "…", "secret_type": "COMMON",   // + any CreateSecret field
//       "created": "-90d",                        // when v1 was made: "-90d", "-12h", "+5d" or epoch ms
//       "versions": [                             // v1, v2, … in order; the first is CreateSecret's value
//         { "secret_string": "…" },               // or "secret_binary": "<base64>"
//         { "secret_string": "…", "created": "-3d", "expire_time": "-1d", "version_stages": ["CANARY"] }
//       ],
//       "stages": { "ROLLBACK": "v1" },           // UpdateSecretStage after the versions
//       "state": "PENDING_DELETE", "scheduled_delete_time": "+7d"   // optional, default ENABLED
//     }]
//   }]
// }
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PROJECT_ID_PATTERN } from '../csms/patterns.ts';
import { createSecretBody, createVersionBody, parseBody } from './bodies.ts';
import { demoSeed } from './demo-seed.ts';
import type { Service } from './service.ts';

const when = z.union([z.number().int().nonnegative(), z.string().regex(/^[+-][0-9]+[dhm]$/)]);

const seedVersion = z.object({
  secret_string: z.string().optional(),
  secret_binary: z.string().optional(),
  version_stages: z.array(z.string()).optional(),
  expire_time: when.optional(),
  created: when.optional(),
});

const seedSecret = z
  .object({
    name: z.string(),
    created: when.optional(),
    versions: z.array(seedVersion).min(1),
    stages: z.record(z.string(), z.string()).optional(),
    state: z.enum(['ENABLED', 'DISABLED', 'PENDING_DELETE', 'FROZEN']).optional(),
    scheduled_delete_time: when.optional(),
  })
  .passthrough();

const iamSeed = z.object({
  domain: z.string().min(1).max(64),
  users: z.array(
    z.object({
      name: z.string().min(1).max(64),
      password: z.string().min(1),
      projects: z.array(z.string().regex(PROJECT_ID_PATTERN)),
      actions: z.array(z.string().regex(/^[a-z*]+:[A-Za-z*]+:[A-Za-z*]+$/)).optional(),
    }),
  ),
});

export const seedFileSchema = z.object({
  /** Optional IAM users who may sign in (POST /v3/auth/tokens) to the listed projects. */
  iam: iamSeed.optional(),
  projects: z.array(
    z.object({
      id: z.string().regex(PROJECT_ID_PATTERN),
      name: z.string().min(1).max(128),
      region: z.string().min(1).max(64),
      secrets: z.array(seedSecret).default([]),
    }),
  ),
});
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedProject = Pick<SeedFile['projects'][number], 'id' | 'name' | 'region'>;

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
