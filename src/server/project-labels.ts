// CONSOLE_PROJECT_LABELS: words an operator gives projects ("cn-north-4_production=production"),
// so every page of a production project says so. A project is named by its id or its name; one
// project may take several labels.
import type { Project } from '../shared/console-api.ts';

/** Project id or name → its labels. */
export type ProjectLabels = ReadonlyMap<string, readonly string[]>;

const PAIR = /^([A-Za-z0-9_.-]{1,64})=([a-z][a-z0-9-]{0,31})$/;

export function parseProjectLabels(text: string | undefined): ProjectLabels {
  const labels = new Map<string, string[]>();
  for (const pair of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const match = PAIR.exec(pair);
    if (!match)
      throw new Error(
        `CONSOLE_PROJECT_LABELS: "${pair}" is not project=label, such as cn-north-4_production=production (a label is lower-case letters, digits and "-").`,
      );
    const [, project, label] = match;
    labels.set(project!, [...new Set([...(labels.get(project!) ?? []), label!])]);
  }
  return labels;
}

/** The project with the labels given to its id or its name (none: as it was). */
export function withLabels(project: Project, labels: ProjectLabels): Project {
  const given = [...new Set([...(labels.get(project.id) ?? []), ...(labels.get(project.name) ?? [])])];
  return given.length > 0 ? { ...project, labels: given } : project;
}
