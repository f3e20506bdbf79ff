import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Outlet, useMatch, useNavigate, useNavigation, useParams } from 'react-router';
import { APP_PAGES } from '../../shared/app-pages.ts';
import { configQuery } from '../api/config-query.ts';
import { leaveForSignIn, signOut } from '../api/session.ts';
import { KeyboardControls } from '../components/keyboard.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { TimeZoneToggle } from '../components/time-zone-toggle.tsx';
import { Button } from '../components/ui/button.tsx';
import { LiveRegionProvider } from '../components/ui/live-region.tsx';
import { paths } from '../lib/paths.ts';
import { useScrollMemory } from '../lib/scroll-memory.ts';
import { formatDateTime } from '../lib/time.ts';
import { useTimeZone } from '../lib/time-zone.ts';
import { AppShell } from './app-shell.tsx';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { useProjectHome, useRememberProject } from './project-home.ts';

export function Layout() {
  const navigation = useNavigation();
  const projectHome = useProjectHome();
  const { data: config } = useQuery(configQuery);
  useRememberProject(config);
  useScrollMemory();
  return (
    <LiveRegionProvider>
      <AppShell
        loading={navigation.state !== 'idle'}
        home={projectHome}
        header={<ProjectSwitcher />}
        end={
          <>
            <KeyboardControls />
            <SignedInUser />
            <LanguageSwitcher />
            <TimeZoneToggle />
            <ThemeToggle />
          </>
        }
        crumbs={<Breadcrumbs />}
      >
        <Outlet />
      </AppShell>
    </LiveRegionProvider>
  );
}

/** With IAM sign-in: who is signed in, and the way out. */
function SignedInUser() {
  const { t } = useLingui();
  const { data: config } = useQuery(configQuery);
  const zone = useTimeZone();
  const [signingOut, setSigningOut] = useState(false);
  const expiresAt = config?.user?.expires_at;
  // At the session's time limit the page leaves by itself, a revealed value with it.
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => leaveForSignIn('ended'), Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  if (config?.auth !== 'iam' || !config.user) return null;
  const { domain } = config.user;
  const end = formatDateTime(config.user.expires_at, zone);
  return (
    <>
      <span className="text-sm text-zinc-600 dark:text-zinc-400" title={t`Account ${domain}; the session ends by ${end}`}>
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
        <Trans>Sign out</Trans>
      </Button>
    </>
  );
}

/** An id short enough to read whole stays whole; a long one is cut, with "…". */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

function ProjectSwitcher() {
  const { t } = useLingui();
  const { data: config } = useQuery(configQuery);
  const { projectId } = useParams();
  const navigate = useNavigate();
  // On an overview, the other project's overview; anywhere else, its secrets (a secret of one
  // project has no counterpart in another).
  const onOverview = Boolean(useMatch(APP_PAGES.projectOverview));
  // A page of no project (the 404 page) has nothing to switch.
  if (!projectId) return null;
  const projects = config?.projects ?? [];
  const known = projects.some((p) => p.id === projectId);
  return (
    // A row of its own on a narrow screen, so the region after the project name stays visible.
    <label className="flex w-full items-center gap-2 text-sm sm:w-auto">
      <span className="text-zinc-600 dark:text-zinc-400">
        <Trans>Project</Trans>
      </span>
      <select
        className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm sm:max-w-sm sm:flex-none dark:border-zinc-700 dark:bg-zinc-950"
        value={projectId}
        onChange={(e) => navigate(onOverview ? paths.projectOverview(e.target.value) : paths.secrets(e.target.value))}
      >
        {!known && (
          <option value={projectId}>
            {shortId(projectId)} ({config?.auth === 'iam' ? t`no access` : t`not configured`})
          </option>
        )}
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} · {p.region}
          </option>
        ))}
      </select>
    </label>
  );
}
