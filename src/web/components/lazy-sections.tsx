// The secret pages' sections below the fold (the value reads and "Use this secret" here; a page's own, such as the
// secret page's versions, stage history and activity, in the page) and the value panel (which
// reads nothing before a click) load after the page's first paint: their code is not in the first
// load. Their data is not delayed (the loaders start it), and each shows a placeholder meanwhile,
// so the page does not jump under the reader. A section whose code cannot be loaded says so in its
// place; the rest of the page stays.
import { useLingui } from '@lingui/react/macro';
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { optional } from '../lib/optional-code.tsx';
import { Skeleton } from './ui/skeleton.tsx';

function SectionUnavailable() {
  const { t } = useLingui();
  return (
    <p className="text-sm text-amber-800 dark:text-amber-300">{t`This part of the page could not be loaded. Reload the page to try again.`}</p>
  );
}

/** A section loaded after first paint, from `load` (its component). */
export function belowTheFold<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Chunk = lazy(() =>
    load().then(
      (section) => ({ default: section }),
      () => ({ default: SectionUnavailable as ComponentType<P> }),
    ),
  );
  return function LazySection(props: P) {
    return (
      <Suspense fallback={<Skeleton className="h-24" />}>
        <Chunk {...props} />
      </Suspense>
    );
  };
}

const SectionShortcutsChunk = lazy(optional(() => import('./section-shortcuts.ts')));

export const ValueReadsSection = belowTheFold(async () => (await import('./value-reads-section.tsx')).ValueReadsSection);
export const SecretValuePanel = belowTheFold(async () => (await import('./secret-value-panel.tsx')).SecretValuePanel);
export const UseThisSecret = belowTheFold(async () => (await import('./use-this-secret.tsx')).UseThisSecret);

/** The `s` and `v` keys: nothing to show, so nothing in their place while they load. */
export const SectionShortcuts = (props: ComponentProps<typeof SectionShortcutsChunk>) => (
  <Suspense fallback={null}>
    <SectionShortcutsChunk {...props} />
  </Suspense>
);
