// On the list: whether the version, rotation-task and KMS key flags are there (sweep-status-text.tsx).
// Its own chunk, loaded a moment after the list: the sweep's answer comes after the list's anyway.
import { lazy, Suspense, type ComponentProps } from 'react';

const SweepStatusText = lazy(() => import('./sweep-status-text.tsx'));

export function SweepStatus(props: ComponentProps<typeof SweepStatusText>) {
  return (
    <Suspense fallback={null}>
      <SweepStatusText {...props} />
    </Suspense>
  );
}
