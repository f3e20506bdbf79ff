// The code of a part that only adds to a page (its keys), loaded after the page is drawn: when it
// cannot be loaded (the network, a deploy that replaced it), the page goes on without it instead of
// failing into its error page.
import type { ComponentType } from 'react';

export const optional =
  <P,>(load: () => Promise<{ default: ComponentType<P> }>) =>
  () =>
    load().catch(() => ({ default: (() => null) as ComponentType<P> }));
