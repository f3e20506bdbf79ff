// Where "the secrets" are for the page shown: the current project's list, else the home page
// (which opens the default project).
import { useParams } from 'react-router';
import { PROJECT_ID_PATTERN } from '../../csms/patterns.ts';
import { paths } from '../lib/paths.ts';

export function useProjectHome(): string {
  const { projectId } = useParams();
  return projectId && PROJECT_ID_PATTERN.test(projectId) ? paths.secrets(projectId) : paths.home();
}
