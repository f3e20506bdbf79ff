// The `?` dialog: the keyboard shortcuts in effect on this page (what the page registered, and the
// palette's Ctrl/Cmd-K), each with its key. Its own chunk: loaded the first time it opens.
import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { useActiveShortcuts } from '../lib/shortcuts.ts';
import { Button } from './ui/button.tsx';
import { Modal } from './ui/modal.tsx';

/** How a key is written on its key cap: names printed on keys, not words to translate. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- key cap names
const KEY_CAPS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Enter: '↵' };

const Key = ({ name }: { name: string }) => (
  <kbd className="min-w-6 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">
    {KEY_CAPS[name] ?? name}
  </kbd>
);

export default function ShortcutsHelp({ onClose, paletteKeys }: { onClose: () => void; paletteKeys: string[] }) {
  const { t } = useLingui();
  const headingId = useId();
  const shortcuts = useActiveShortcuts();
  const rows = [
    { keys: paletteKeys, label: t`Open the command palette`, together: true },
    ...shortcuts.map((s) => ({ ...s, together: false })),
  ];
  return (
    <Modal labelledBy={headingId} onClose={onClose}>
      <div className="space-y-3 p-4">
        <h2 id={headingId} className="text-base font-semibold">
          {t`Keyboard shortcuts`}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t`None works while you type in a field. Each does what a button on the page does.`}</p>
        <dl className="grid grid-cols-[max-content_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
          {rows.map((row) => (
            <div key={`${row.keys.join('+')} ${row.label}`} className="contents">
              <dt className="flex gap-1">
                {row.keys.map((key, i) => (
                  <span key={key} className="flex items-baseline gap-1">
                    {i > 0 && <span className="text-xs text-zinc-500">{row.together ? '+' : t`or`}</span>}
                    <Key name={key} />
                  </span>
                ))}
              </dt>
              <dd>{row.label}</dd>
            </div>
          ))}
        </dl>
        <div className="flex justify-end">
          <Button onClick={onClose}>{t`Close`}</Button>
        </div>
      </div>
    </Modal>
  );
}
