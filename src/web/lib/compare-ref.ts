// A side of a compare as a person types it: `v3`, `SYSCURRENT`, `other-secret/v2` or
// `<project>/<secret>/<version-or-stage>`. Checked here, before any request, into the full
// reference the console server takes, or the part that is wrong.
import { NAME_PATTERN, PROJECT_ID_PATTERN } from '../../shared/patterns.ts';
import { formatVersionOrStageRef, type VersionOrStageRef } from '../../shared/value-ref.ts';

export type RefProblem =
  | { kind: 'empty' }
  | { kind: 'shape' }
  | { kind: 'ref'; part: string }
  | { kind: 'secret'; part: string }
  | { kind: 'project'; part: string };

export function checkRef(
  text: string,
  page: { projectId: string; secretName: string },
): { ref: VersionOrStageRef } | { problem: RefProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: { kind: 'empty' } };
  const parts = trimmed.split('/');
  if (parts.length > 3 || parts.some((p) => p === '')) return { problem: { kind: 'shape' } };
  const ref = parts.at(-1)!;
  const secret_name = parts.length >= 2 ? parts.at(-2)! : page.secretName;
  const project_id = parts.length === 3 ? parts[0]! : page.projectId;
  if (!NAME_PATTERN.test(ref)) return { problem: { kind: 'ref', part: ref } };
  if (!NAME_PATTERN.test(secret_name)) return { problem: { kind: 'secret', part: secret_name } };
  if (!PROJECT_ID_PATTERN.test(project_id)) return { problem: { kind: 'project', part: project_id } };
  return { ref: { project_id, secret_name, ref } };
}

/** The shortest text that names `ref` from this page: `v3`, `secret/v3` or the full reference. */
export function shortRef(ref: VersionOrStageRef, page: { projectId: string; secretName: string }): string {
  if (ref.project_id !== page.projectId) return formatVersionOrStageRef(ref);
  return ref.secret_name === page.secretName ? ref.ref : `${ref.secret_name}/${ref.ref}`;
}
