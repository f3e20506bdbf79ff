// The home page when no project is configured: what to set (else the home page opens a project).
import { Trans, useLingui } from '@lingui/react/macro';
import { usePageTitle } from '../components/page-title.ts';

export function Component() {
  const { t } = useLingui();
  usePageTitle(t`No project`);
  return (
    <p className="text-sm">
      <Trans>No project is configured. Set HUAWEICLOUD_SDK_PROJECT_ID on the console server.</Trans>
    </p>
  );
}
