// The secret pages' sections below the fold (the value reads and "Use this secret" here; a page's own, such as the
// secret page's versions, stage history and activity, in the page) and the value panel (which
// reads nothing before a click) load after the page's first paint: their code is not in the first
// load. Their data is not delayed (the loaders start it), and each shows a placeholder meanwhile,
// so the page does not jump under the reader.
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { Skeleton } from './ui/skeleton.tsx';

export function belowTheFold<P extends object>(Chunk: ComponentType<P>) {
  return function LazySection(props: P) {
    return (
      <Suspense fallback={<Skeleton className="h-24" />}>
        <Chunk {...props} />
      </Suspense>
    );
  };
}

const SecretValuePanelChunk = lazy(async () => ({ default: (await import('./secret-value-panel.tsx')).SecretValuePanel }));
const ValueReadsSectionChunk = lazy(async () => ({ default: (await import('./value-reads-section.tsx')).ValueReadsSection }));
const SectionShortcutsChunk = lazy(() => import('./section-shortcuts.ts'));
const UseThisSecretChunk = lazy(async () => ({ default: (await import('./use-this-secret.tsx')).UseThisSecret }));

export const ValueReadsSection = belowTheFold<ComponentProps<typeof ValueReadsSectionChunk>>(ValueReadsSectionChunk);
export const SecretValuePanel = belowTheFold<ComponentProps<typeof SecretValuePanelChunk>>(SecretValuePanelChunk);
export const UseThisSecret = belowTheFold<ComponentProps<typeof UseThisSecretChunk>>(UseThisSecretChunk);

/** The `s` and `v` keys: nothing to show, so nothing in their place while they load. */
export const SectionShortcuts = (props: ComponentProps<typeof SectionShortcutsChunk>) => (
  <Suspense fallback={null}>
    <SectionShortcutsChunk {...props} />
  </Suspense>
);
