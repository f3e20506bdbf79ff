// "Use this secret": shut until opened; its snippets (five languages' templates) are their own
// chunk, loaded the first time it opens, so the stage and version pages do not carry them.
import { Trans } from '@lingui/react/macro';
import { lazy, Suspense, useState } from 'react';
import type { SnippetTarget } from './usage-snippet-panel.tsx';
import { Skeleton } from './ui/skeleton.tsx';

const UsageSnippetPanel = lazy(() => import('./usage-snippet-panel.tsx'));

export function UseThisSecret(props: SnippetTarget) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary className="cursor-pointer text-base font-semibold">
        <Trans>Use this secret</Trans>
      </summary>
      {opened && (
        <Suspense fallback={<Skeleton className="mt-3 h-32" />}>
          <UsageSnippetPanel {...props} />
        </Suspense>
      )}
    </details>
  );
}
