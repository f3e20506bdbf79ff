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
import type { Project } from '../../shared/console-api.ts';
import { configQuery } from '../api/config-query.ts';
import { LOCALE_NAMES, type Locale } from '../i18n/locale.ts';
import { formatList } from '../lib/locale.ts';
import { paths } from '../lib/paths.ts';
import { buildItems, type ItemKind, type PaletteItem } from '../lib/palette-items.ts';
import { clearRecentSecrets, useRecentSecrets } from '../lib/recent-secrets.ts';
import { useSwitchLocale } from './language-switcher.tsx';
import { cycleTheme, nextThemeName } from './theme-toggle.tsx';
import { useAnnounce } from './ui/live-region.tsx';
import { Modal } from './ui/modal.tsx';
import { usePaletteData } from './palette-data.ts';

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
  const data = usePaletteData(projects, { projectId: currentProject, secretName: currentSecret });
  const listId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const otherLocale: Locale = i18n.locale === 'zh-CN' ? 'en' : 'zh-CN';
  const otherLocaleName = LOCALE_NAMES[otherLocale];
  const nextTheme = i18n._(nextThemeName());
  const currentProjectName = projects.find((p) => p.id === currentProject)?.name;
  const pages: PaletteItem[] = [
    { id: 'page:overview', kind: 'page', label: t`Overview of every project`, to: paths.overview() },
    ...(currentProject && currentProjectName
      ? [
          {
            id: 'page:project-overview',
            kind: 'page' as const,
            label: t`Overview of project ${currentProjectName}`,
            to: paths.projectOverview(currentProject),
          },
        ]
      : []),
  ];
  const actions: PaletteItem[] = [
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
          to: paths.secrets(p.id),
        };
      }),
  ];

  const typed = query.trim() !== '';
  const current =
    currentProject && currentSecret ? { projectId: currentProject, secretName: currentSecret, versions: data.versions } : undefined;
  const results = buildItems({ query, projects, names: data.names, current, recent, commands: [...pages, ...actions] });
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const activeItem = results[activeIndex];

  const loadingProjects = data.names.filter((n) => n.loading).length;
  const failedProjects = projects.filter((p) => data.names.some((n) => n.projectId === p.id && n.failed)).map((p) => p.name);
  const failedList = formatList(failedProjects);

  const choose = (item: PaletteItem) => {
    onClose();
    if (item.to) void navigate(item.to);
    else item.run?.();
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

  const KIND_LABELS: Record<ItemKind, string> = {
    secret: t`Secret`,
    stage: t`Stage`,
    version: t`Version`,
    page: t`Page`,
    action: t`Action`,
  };

  return (
    <Modal labelledBy={headingId} onClose={onClose} className="mt-[12vh] mb-auto">
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
        {!typed && recent.length > 0 && (
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
