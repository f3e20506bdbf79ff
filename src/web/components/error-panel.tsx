// Every failure as the person can act on it (error-panel-body.tsx): what failed, CSMS's code,
// message and request id, a retry where it can help, and the details to paste into a ticket. Its
// words are their own chunk, loaded when something first fails: a page that works never needs them.
import { lazy, Suspense, type ComponentProps } from 'react';

const ErrorPanelBody = lazy(() => import('./error-panel-body.tsx'));

export function ErrorPanel(props: ComponentProps<typeof ErrorPanelBody>) {
  return (
    <Suspense fallback={null}>
      <ErrorPanelBody {...props} />
    </Suspense>
  );
}
