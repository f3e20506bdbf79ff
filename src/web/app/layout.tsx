import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, Outlet, useNavigate, useNavigation, useParams } from 'react-router';
import { configQuery } from '../api/config-query.ts';
import { leaveForSignIn, signOut } from '../api/session.ts';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { Button } from '../components/ui/button.tsx';
import { LiveRegionProvider } from '../components/ui/live-region.tsx';
import { paths } from '../lib/paths.ts';
import { formatLocal } from '../lib/time.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { useProjectHome } from './project-home.ts';

export function Layout() {
  const navigation = useNavigation();
  const projectHome = useProjectHome();
  return (
    <LiveRegionProvider>
      <div className="min-h-screen">
        <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden">
          {navigation.state !== 'idle' && <div data-testid="nav-progress" className="animate-progress h-full w-2/5 bg-blue-600" />}
        </div>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <Link to={projectHome} className="flex items-center gap-2 font-semibold">
              <img src="/favicon.svg" alt="" width={20} height={20} />
              CSMS console
            </Link>
            <ProjectSwitcher />
            <div className="ml-auto flex items-center gap-2">
              <SignedInUser />
              <ThemeToggle />
            </div>
          </div>
        </header>
        <Breadcrumbs />
        <main id="main" className="mx-auto max-w-7xl px-4 pb-12">
          <Outlet />
        </main>
      </div>
    </LiveRegionProvider>
  );
}

/** With IAM sign-in: who is signed in, and the way out. */
function SignedInUser() {
  const { data: config } = useQuery(configQuery);
  const [signingOut, setSigningOut] = useState(false);
  const expiresAt = config?.user?.expires_at;
  // At the session's time limit the page leaves by itself, a revealed value with it.
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => leaveForSignIn('ended'), Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  if (config?.auth !== 'iam' || !config.user) return null;
  return (
    <>
      <span
        className="text-sm text-zinc-600 dark:text-zinc-400"
        title={`Account ${config.user.domain}; the session ends by ${formatLocal(config.user.expires_at)}`}
      >
        {config.user.name}
        <span className="hidden sm:inline"> · {config.user.domain}</span>
      </span>
      <Button
        variant="ghost"
        disabled={signingOut}
        onClick={() => {
          setSigningOut(true);
          void signOut();
        }}
      >
        Sign out
      </Button>
    </>
  );
}

function ProjectSwitcher() {
  const { data: config } = useQuery(configQuery);
  const { projectId } = useParams();
  const navigate = useNavigate();
  const projects = config?.projects ?? [];
  const known = projects.some((p) => p.id === projectId);
  return (
    // A row of its own on a narrow screen, so the region after the project name stays visible.
    <label className="flex w-full items-center gap-2 text-sm sm:w-auto">
      <span className="text-zinc-600 dark:text-zinc-400">Project</span>
      <select
        className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm sm:max-w-sm sm:flex-none dark:border-zinc-700 dark:bg-zinc-950"
        value={projectId ?? ''}
        onChange={(e) => navigate(paths.secrets(e.target.value))}
      >
        {!known && <option value={projectId ?? ''}>{projectId ? `${projectId.slice(0, 8)}… (not configured)` : 'Choose a project'}</option>}
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} · {p.region}
          </option>
        ))}
      </select>
    </label>
  );
}
