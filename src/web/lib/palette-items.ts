// What the command palette offers for a query: with the box empty, the secrets opened lately, the
// stages and versions of the secret shown, the pages and the actions; with text, the best matches
// of all of them and every secret of every project (an exact name first: see rank.ts). Pure.
import type { Project } from '../../shared/console-api.ts';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from './paths.ts';
import { rankItems } from './rank.ts';
import type { RecentSecret } from './recent-secrets.ts';
import { sortStages } from './stages.ts';

export type ItemKind = 'secret' | 'stage' | 'version' | 'page' | 'action';

export interface PaletteItem {
  id: string;
  kind: ItemKind;
  /** What the text is matched on, and what the option says. */
  label: string;
  /** Where it is: project and region, or the secret. */
  detail?: string;
  /** The page it opens; an action runs `run` instead. */
  to?: string;
  run?: () => void;
}

/** At most this many options: the best matches, not a second copy of the list. */
export const MAX_SHOWN = 50;

export interface PaletteInput {
  query: string;
  projects: readonly Project[];
  names: readonly { projectId: string; names: readonly string[] }[];
  /** The secret the page shows, with its versions once they are read. */
  current?: { projectId: string; secretName: string; versions?: readonly VersionMetadata[] };
  recent: readonly RecentSecret[];
  /** The pages and actions, in the person's language. */
  commands: readonly PaletteItem[];
}

export function buildItems({ query, projects, names, current, recent, commands }: PaletteInput): PaletteItem[] {
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const where = (projectId: string) => {
    const project = projectById.get(projectId);
    return project ? `${project.name} · ${project.region}` : projectId;
  };
  const parts: PaletteItem[] = [];
  if (current?.versions) {
    const { projectId, secretName, versions } = current;
    for (const stage of sortStages(versions.flatMap((v) => v.version_stages)))
      parts.push({ id: `stage:${stage}`, kind: 'stage', label: stage, detail: secretName, to: paths.stage(projectId, secretName, stage) });
    for (const version of versions)
      parts.push({
        id: `version:${version.id}`,
        kind: 'version',
        label: version.id,
        detail: secretName,
        to: paths.version(projectId, secretName, version.id),
      });
  }
  if (query.trim() === '') {
    const recentItems = recent.map((r): PaletteItem => ({
      id: `recent:${r.projectId}:${r.name}`,
      kind: 'secret',
      label: r.name,
      detail: where(r.projectId),
      to: paths.secret(r.projectId, r.name),
    }));
    return [...recentItems, ...parts, ...commands];
  }
  const secrets = names.flatMap(({ projectId, names: projectNames }) =>
    projectNames.map((name): PaletteItem => ({
      id: `secret:${projectId}:${name}`,
      kind: 'secret',
      label: name,
      detail: where(projectId),
      to: paths.secret(projectId, name),
    })),
  );
  return rankItems(query, [...parts, ...secrets, ...commands], (item) => item.label)
    .slice(0, MAX_SHOWN)
    .map((r) => r.item);
}
