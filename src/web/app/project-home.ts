// Where "the secrets" are for the page shown: the current project's list, else the home page.
// The home page opens the project this browser used last (a preference: its id only), or, with
// none, the overview of every project: never whichever project happens to sort first.
import { useEffect } from 'react';
import { useParams } from 'react-router';
import type { ConsoleConfig } from '../../shared/console-api.ts';
import { PROJECT_ID_PATTERN } from '../../shared/patterns.ts';
import { paths } from '../lib/paths.ts';

const LAST_PROJECT_KEY = 'csms-console:last-project';

export function useProjectHome(): string {
  const { projectId } = useParams();
  return projectId && PROJECT_ID_PATTERN.test(projectId) ? paths.secrets(projectId) : paths.home();
}

/** Remembers the project of the page shown, once it is one this person can see. */
export function useRememberProject(config: ConsoleConfig | undefined) {
  const { projectId } = useParams();
  const known = Boolean(projectId && config?.projects.some((p) => p.id === projectId));
  useEffect(() => {
    if (!known || !projectId) return;
    try {
      localStorage.setItem(LAST_PROJECT_KEY, projectId);
    } catch {
      // Storage refused (private mode, quota): the landing falls back to the overview.
    }
  }, [known, projectId]);
}

/** The landing page: the project used last, if still visible; else the only project, or the
 * overview of several; none without projects. */
export function landingPath(config: ConsoleConfig): string | null {
  if (config.projects.length === 0) return null;
  if (config.projects.length === 1) return paths.secrets(config.projects[0]!.id);
  const last = readLastProject();
  return last && config.projects.some((p) => p.id === last) ? paths.secrets(last) : paths.overview();
}

function readLastProject(): string | null {
  try {
    return localStorage.getItem(LAST_PROJECT_KEY);
  } catch {
    return null;
  }
}
