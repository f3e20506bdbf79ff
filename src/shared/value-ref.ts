// A value a compare names: `<project>/<secret>/<version-or-stage>`, or shorter where the page
// supplies the rest (`v3`, `db-password/SYSCURRENT`). A reference that looks like a version id
// (v1, v2, …, latest) is a version; anything else is a stage.
import { NAME_PATTERN, PROJECT_ID_PATTERN, VERSION_REF_PATTERN } from './patterns.ts';

/** A version or a stage of a secret, as a compare names one. */
export interface VersionOrStageRef {
  project_id: string;
  secret_name: string;
  /** A version id (`v3`, `latest`) or a stage name (`SYSCURRENT`). */
  ref: string;
}

export const isVersionRef = (ref: string) => VERSION_REF_PATTERN.test(ref);

/** The reference in full, or why it is refused (in words a person can act on). */
export function parseVersionOrStageRef(
  text: string,
  context: Partial<Omit<VersionOrStageRef, 'ref'>> = {},
): VersionOrStageRef | { problem: string } {
  const parts = text.split('/');
  if (parts.length > 3 || parts.some((p) => p === ''))
    return { problem: `"${text}" is not a version or stage: expected v3, SYSCURRENT, secret/v3 or project/secret/v3.` };
  const ref = parts.at(-1)!;
  const secret_name = parts.length >= 2 ? parts.at(-2)! : context.secret_name;
  const project_id = parts.length === 3 ? parts[0]! : context.project_id;
  if (!NAME_PATTERN.test(ref)) return { problem: `"${ref}" is not a version id (v1, v2, …) or a stage name.` };
  if (secret_name === undefined) return { problem: `"${text}" does not say which secret.` };
  if (!NAME_PATTERN.test(secret_name)) return { problem: `"${secret_name}" is not a secret name.` };
  if (project_id === undefined) return { problem: `"${text}" does not say which project.` };
  if (!PROJECT_ID_PATTERN.test(project_id)) return { problem: `"${project_id}" is not a project id (32 hex characters).` };
  return { project_id, secret_name, ref };
}

export const formatVersionOrStageRef = (r: VersionOrStageRef) => `${r.project_id}/${r.secret_name}/${r.ref}`;
