// The secret pages' sections below the fold (the versions table, stage history, activity, value
// reads, the stage page's point-in-time question) and the value panel (which reads nothing before
// a click) load after the page's first paint: their code is not in the first load. Their data is not delayed (the loaders
// start it), and each shows a placeholder meanwhile, so the page does not jump under the reader.
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { Skeleton } from './ui/skeleton.tsx';

function belowTheFold<P extends object>(Chunk: ComponentType<P>) {
  return function LazySection(props: P) {
    return (
      <Suspense fallback={<Skeleton className="h-24" />}>
        <Chunk {...props} />
      </Suspense>
    );
  };
}

const VersionsTableChunk = lazy(async () => ({ default: (await import('./versions-table.tsx')).VersionsTable }));
const StageTimelineChunk = lazy(async () => ({ default: (await import('./stage-timeline.tsx')).StageTimeline }));
const ActivitySectionChunk = lazy(async () => ({ default: (await import('./activity-section.tsx')).ActivitySection }));
const StageAtPickerChunk = lazy(async () => ({ default: (await import('./stage-at-picker.tsx')).StageAtPicker }));
const SecretValuePanelChunk = lazy(async () => ({ default: (await import('./secret-value-panel.tsx')).SecretValuePanel }));
const ValueReadsSectionChunk = lazy(async () => ({ default: (await import('./value-reads-section.tsx')).ValueReadsSection }));
const SectionShortcutsChunk = lazy(() => import('./section-shortcuts.ts'));

export const VersionsTable = belowTheFold<ComponentProps<typeof VersionsTableChunk>>(VersionsTableChunk);
export const StageTimeline = belowTheFold<ComponentProps<typeof StageTimelineChunk>>(StageTimelineChunk);
export const ActivitySection = belowTheFold<ComponentProps<typeof ActivitySectionChunk>>(ActivitySectionChunk);
export const ValueReadsSection = belowTheFold<ComponentProps<typeof ValueReadsSectionChunk>>(ValueReadsSectionChunk);
export const StageAtPicker = belowTheFold<ComponentProps<typeof StageAtPickerChunk>>(StageAtPickerChunk);
export const SecretValuePanel = belowTheFold<ComponentProps<typeof SecretValuePanelChunk>>(SecretValuePanelChunk);

/** The `s` and `v` keys: nothing to show, so nothing in their place while they load. */
export const SectionShortcuts = (props: ComponentProps<typeof SectionShortcutsChunk>) => (
  <Suspense fallback={null}>
    <SectionShortcutsChunk {...props} />
  </Suspense>
);
