// The frame of every page: the progress bar, the skip link, the header and the main column. The
// layout fills it with the page; a cold load fills it with that page's skeleton, so the header and
// margins never jump.
import { Trans } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { PageSkeleton, SignInSkeleton, Skeleton } from '../components/ui/skeleton.tsx';
import { paths } from '../lib/paths.ts';
import { useWallDisplay } from '../lib/wall-display.ts';
import { useProjectHome } from './project-home.ts';
import { RetryStatus } from './retry-status.tsx';

export function AppShell(props: {
  loading: boolean;
  home: string;
  header?: ReactNode;
  end: ReactNode;
  crumbs: ReactNode;
  children: ReactNode;
}) {
  const wall = useWallDisplay();
  return (
    <div className="min-h-screen">
      <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden">
        {props.loading && <div data-testid="nav-progress" className="animate-progress h-full w-2/5 bg-blue-600" />}
      </div>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        <Trans>Skip to content</Trans>
      </a>
      <header hidden={wall} className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link to={props.home} className="flex items-center gap-2 font-semibold whitespace-nowrap">
            <img src="/favicon.svg" alt="" width={20} height={20} />
            <Trans>CSMS console</Trans>
          </Link>
          {props.header}
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-2 gap-y-1">{props.end}</div>
        </div>
      </header>
      <RetryStatus />
      {!wall && props.crumbs}
      <main id="main" className={wall ? 'px-8 py-6' : 'mx-auto max-w-7xl px-4 pb-12'}>
        {props.children}
      </main>
    </div>
  );
}

/** What a cold load's header offers already: the language and the theme. */
const ShellControls = () => (
  <>
    <LanguageSwitcher />
    <ThemeToggle />
  </>
);

/** A cold load: the frame of the page at once, its skeleton until its data is here. */
export function LayoutFallback() {
  const projectHome = useProjectHome();
  const { pathname } = useLocation();
  return (
    <AppShell
      loading
      home={projectHome}
      end={<ShellControls />}
      crumbs={
        <div className="mx-auto max-w-7xl px-4 py-3">
          <Skeleton className="h-5 w-48" />
        </div>
      }
    >
      <PageSkeleton pathname={pathname} />
    </AppShell>
  );
}

/** The sign-in page's cold load: no project and no breadcrumbs yet. */
export const SignInFallback = () => (
  <AppShell loading home={paths.home()} end={<ShellControls />} crumbs={null}>
    <SignInSkeleton />
  </AppShell>
);
