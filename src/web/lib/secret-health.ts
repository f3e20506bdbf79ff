// One secret's health flags, computed by the overview's own code (health.ts) from what the secret's
// page read: its metadata, its versions and its rotation tasks. A page about one version or stage
// keeps the secret's flags and that version's or stage's own.
import { byUrgency, flagsBySecret, type Flag } from '../../shared/health.ts';
import type { RotationTask, Secret, VersionMetadata } from '../../shared/schemas.ts';

/** What the page is about, when not the whole secret. */
export type HealthFocus = { version: string } | { stage: string } | undefined;

// A version's or stage's page says the deletion date in its own words already.
const concerns = (flag: Flag, focus: HealthFocus) =>
  !focus ||
  (flag.kind !== 'pending-deletion' &&
    (!('versionId' in flag) || ('version' in focus ? flag.versionId === focus.version : flag.stages.includes(focus.stage))));

/** Most urgent first. `tasks` undefined: they could not be read (a failed rotation is then unknown).
 * Disabled and frozen are left to the state badge, which says them already. */
export function secretFlags(
  secret: Secret,
  versions: VersionMetadata[],
  tasks: RotationTask[] | undefined,
  now: number,
  focus?: HealthFocus,
): Flag[] {
  const flags = flagsBySecret({ secrets: [secret], versions: { [secret.name]: versions }, tasks }, now).get(secret.name) ?? [];
  return flags
    .filter((flag) => flag.kind !== 'disabled' && flag.kind !== 'frozen' && concerns(flag, focus))
    .map((flag) => ({ secret: secret.name, flag }))
    .sort(byUrgency)
    .map(({ flag }) => flag);
}
