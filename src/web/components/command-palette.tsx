// The command palette (Ctrl/Cmd-K, or the header's button): one box to jump to any secret of any
// project this person can see, to a stage or version of the secret shown, to an overview, or to
// run an action. An exact name first, then names that start with the text, then fuzzy matches;
// with the box empty, the secrets opened lately. A combobox over a listbox in a modal dialog.
// Its own chunk: loaded the first time it opens.
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Project } from '../../csms/console-api.ts';
import { useAllSecrets } from '../api/all-secrets.ts';
import { configQuery } from '../api/config-query.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { LOCALE_NAMES, type Locale } from '../i18n/locale.ts';
import { formatList } from '../lib/locale.ts';
import { paths } from '../lib/paths.ts';
import { rankItems } from '../lib/rank.ts';
import { clearRecentSecrets, useRecentSecrets } from '../lib/recent-secrets.ts';
import { sortStages } from '../lib/stages.ts';
import { useSwitchLocale } from './language-switcher.tsx';
import { cycleTheme, nextThemeName } from './theme-toggle.tsx';
import { useAnnounce } from './ui/live-region.tsx';
import { Modal } from './ui/modal.tsx';

type Kind = 'secret' | 'stage' | 'version' | 'page' | 'action';

interface Item {
  id: string;
  kind: Kind;
  /** What the text is matched on, and what the option says. */
  label: string;
  /** Where it is: project and region, or the secret. */
  detail?: string;
  run: () => void;
}

/** At most this many options: the best matches, not a second copy of the list. */
const MAX_SHOWN = 50;

interface ProjectSecrets {
  names: string[];
  loading: boolean;
  failed: boolean;
}

/** Lists one project's secrets (every page, in the background) and reports them up. */
function ProjectSecretsSource({ projectId, onChange }: { projectId: string; onChange: (id: string, found: ProjectSecrets) => void }) {
  const { secrets, loading, error } = useAllSecrets(projectId);
  const names = useMemo(() => secrets.map((s) => s.name), [secrets]);
  const failed = Boolean(error);
  useEffect(() => onChange(projectId, { names, loading: loading && !failed, failed }), [projectId, names, loading, failed, onChange]);
  return null;
}

export default function CommandPalette({ onClose, onShowShortcuts }: { onClose: () => void; onShowShortcuts: () => void }) {
  const { t, i18n } = useLingui();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const switchLocale = useSwitchLocale();
  const { projectId: currentProject, secretName: currentSecret } = useParams();
  const { data: config } = useQuery(configQuery);
  const projects = useMemo(() => config?.projects ?? [], [config]);
  const recent = useRecentSecrets();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<Record<string, ProjectSecrets>>({});
  const onProjectSecrets = useMemo(() => (id: string, result: ProjectSecrets) => setFound((all) => ({ ...all, [id]: result })), []);
  const versions = useQuery({
    ...secretQueries.versions(currentProject ?? '', currentSecret ?? ''),
    enabled: Boolean(currentProject && currentSecret),
  });
  const listId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const projectById = useMemo(() => new Map(projects.map((p) => [p.id, p])), [projects]);
  const where = (projectId: string) => {
    const project = projectById.get(projectId);
    return project ? `${project.name} · ${project.region}` : projectId;
  };
  const go = (to: string) => () => void navigate(to);

  const secretItems: Item[] = projects.flatMap((p) =>
    (found[p.id]?.names ?? []).map((name) => ({
      id: `secret:${p.id}:${name}`,
      kind: 'secret' as const,
      label: name,
      detail: where(p.id),
      run: go(paths.secret(p.id, name)),
    })),
  );

  const secretParts: Item[] = [];
  if (currentProject && currentSecret && versions.data) {
    const metadata = versions.data.version_metadatas;
    const stages = sortStages(metadata.flatMap((v) => v.version_stages));
    for (const stage of stages)
      secretParts.push({
        id: `stage:${stage}`,
        kind: 'stage',
        label: stage,
        detail: currentSecret,
        run: go(paths.stage(currentProject, currentSecret, stage)),
      });
    for (const version of metadata)
      secretParts.push({
        id: `version:${version.id}`,
        kind: 'version',
        label: version.id,
        detail: currentSecret,
        run: go(paths.version(currentProject, currentSecret, version.id)),
      });
  }

  const otherLocale: Locale = i18n.locale === 'zh-CN' ? 'en' : 'zh-CN';
  const otherLocaleName = LOCALE_NAMES[otherLocale];
  const nextTheme = i18n._(nextThemeName());
  const currentProjectName = currentProject ? projectById.get(currentProject)?.name : undefined;
  const pages: Item[] = [
    { id: 'page:overview', kind: 'page', label: t`Overview of every project`, run: go(paths.overview()) },
    ...(currentProject && currentProjectName
      ? [
          {
            id: 'page:project-overview',
            kind: 'page' as const,
            label: t`Overview of project ${currentProjectName}`,
            run: go(paths.projectOverview(currentProject)),
          },
        ]
      : []),
  ];
  const actions: Item[] = [
    {
      id: 'action:copy-link',
      kind: 'action',
      label: t`Copy the link to this page`,
      run: () =>
        void navigator.clipboard.writeText(window.location.href).then(
          () => announce(t`The link is copied.`),
          () => announce(t`The browser did not let the console write to the clipboard: nothing was copied.`),
        ),
    },
    { id: 'action:theme', kind: 'action', label: t`Switch the theme to ${nextTheme}`, run: cycleTheme },
    {
      id: 'action:language',
      kind: 'action',
      label: t`Switch the language to ${otherLocaleName}`,
      run: () => void switchLocale(otherLocale),
    },
    { id: 'action:shortcuts', kind: 'action', label: t`Show the keyboard shortcuts`, run: onShowShortcuts },
    ...projects
      .filter((p) => p.id !== currentProject)
      .map((p: Project) => {
        const name = p.name;
        return {
          id: `action:project:${p.id}`,
          kind: 'action' as const,
          label: t`Switch to project ${name}`,
          detail: p.region,
          run: go(paths.secrets(p.id)),
        };
      }),
  ];

  const recentItems: Item[] = recent.map((r) => ({
    id: `recent:${r.projectId}:${r.name}`,
    kind: 'secret',
    label: r.name,
    detail: where(r.projectId),
    run: go(paths.secret(r.projectId, r.name)),
  }));

  const typed = query.trim() !== '';
  const results: Item[] = typed
    ? rankItems(query, [...secretParts, ...secretItems, ...pages, ...actions], (item) => item.label)
        .slice(0, MAX_SHOWN)
        .map((r) => r.item)
    : [...recentItems, ...secretParts, ...pages, ...actions];
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const activeItem = results[activeIndex];

  const loadingProjects = projects.filter((p) => found[p.id]?.loading ?? true).length;
  const failedProjects = projects.filter((p) => found[p.id]?.failed).map((p) => p.name);
  const failedList = formatList(failedProjects);

  const choose = (item: Item) => {
    onClose();
    item.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (move !== undefined && results.length > 0) {
      e.preventDefault();
      setActive((activeIndex + move + results.length) % results.length);
    } else if (e.key === 'Enter' && activeItem) {
      e.preventDefault();
      choose(activeItem);
    }
  };

  // The active option stays in view as the arrows move it.
  useEffect(() => {
    document.getElementById(optionId(listId, activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, listId]);

  const KIND_LABELS: Record<Kind, string> = {
    secret: t`Secret`,
    stage: t`Stage`,
    version: t`Version`,
    page: t`Page`,
    action: t`Action`,
  };

  return (
    <Modal labelledBy={headingId} onClose={onClose} className="mt-[12vh] mb-auto">
      {projects.map((p) => (
        <ProjectSecretsSource key={p.id} projectId={p.id} onChange={onProjectSecrets} />
      ))}
      <div className="flex max-h-[80vh] flex-col">
        <h2 id={headingId} className="sr-only">
          {t`Command palette`}
        </h2>
        <div className="border-b border-zinc-200 p-3 dark:border-zinc-700">
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeItem ? optionId(listId, activeIndex) : undefined}
            aria-label={t`Go to a secret, a page or an action`}
            placeholder={t`Secret name, stage, version or action…`}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            className="h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <p role="status" className="mt-1.5 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
            {loadingProjects > 0 &&
              plural(loadingProjects, { one: 'Listing the secrets of # project…', other: 'Listing the secrets of # projects…' })}
            {failedProjects.length > 0 && ` ${t`The secrets of ${failedList} could not be listed.`}`}
          </p>
        </div>
        {!typed && recentItems.length > 0 && (
          <div className="flex items-center justify-between px-3 pt-2 text-xs text-zinc-600 dark:text-zinc-400">
            <span id={`${listId}-recent`}>{t`Recently opened`}</span>
            <button
              type="button"
              className="rounded px-1.5 py-0.5 underline hover:bg-zinc-100 dark:hover:bg-zinc-800"
              onClick={clearRecentSecrets}
            >
              {t`Clear recent secrets`}
            </button>
          </div>
        )}
        <ul id={listId} role="listbox" aria-label={t`Results`} className="min-h-0 flex-1 overflow-y-auto p-1.5">
          {results.map((item, i) => (
            // Options are chosen with the box's arrows and Enter, or a click: the listbox holds no focus.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={item.id}
              id={optionId(listId, i)}
              role="option"
              aria-selected={i === activeIndex}
              onClick={() => choose(item)}
              onMouseMove={() => i !== activeIndex && setActive(i)}
              className="flex cursor-pointer items-baseline gap-2 rounded-md px-2 py-1.5 text-sm aria-selected:bg-blue-50 aria-selected:text-blue-950 dark:aria-selected:bg-blue-950 dark:aria-selected:text-blue-50"
            >
              <span className="w-16 shrink-0 text-xs text-zinc-600 dark:text-zinc-400">{KIND_LABELS[item.kind]}</span>
              {/* The project goes under the name when both do not fit on one line. */}
              <span className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-3">
                <span className={`min-w-0 break-all ${item.kind === 'page' || item.kind === 'action' ? '' : 'font-mono'}`}>
                  {item.label}
                </span>
                {item.detail && <span className="text-xs text-zinc-600 dark:text-zinc-400">{item.detail}</span>}
              </span>
            </li>
          ))}
        </ul>
        {results.length === 0 && <p className="px-3 pb-3 text-sm text-zinc-600 dark:text-zinc-400">{t`Nothing matches “${query}”.`}</p>}
      </div>
    </Modal>
  );
}

const optionId = (listId: string, index: number) => `${listId}-option-${index}`;
