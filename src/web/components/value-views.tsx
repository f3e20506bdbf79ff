// The revealed value, shown exactly: as text, as JSON (with a per-key table for flat objects),
// or as bytes. Everything renders as text nodes: nothing in a value is ever interpreted.
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo, useState } from 'react';
import { base64ToBytes, formatBytes, hexPreview, parseJsonValue } from '../lib/value-format.ts';
import { Button } from './ui/button.tsx';
import { MASK } from './value-mask.ts';

// Scrollable boxes are focusable regions, so a keyboard can scroll them.
const valueBox =
  'max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-sm whitespace-pre-wrap break-all dark:border-zinc-800 dark:bg-zinc-900';

type View = 'text' | 'json' | 'fields';
const VIEW_LABELS = { fields: msg`Fields`, json: msg`JSON`, text: msg`Text` };

/**
 * A text value. A flat JSON object opens on its fields, shown (Reveal value was the click that asked
 * for them, and the countdown runs from it), each with its own Hide and Copy; the JSON and text views
 * are one click away.
 */
export function TextValueView({ text, onCopyField }: { text: string; onCopyField: (value: string, key: string) => void }) {
  const { t, i18n } = useLingui();
  const json = useMemo(() => parseJsonValue(text), [text]);
  const views: View[] = json.kind === 'json' ? (json.fields ? ['fields', 'json', 'text'] : ['json', 'text']) : ['text'];
  const [view, setView] = useState<View>(views[0]!);
  return (
    <div>
      {views.length > 1 && (
        <div role="group" aria-label={t`Value view`} className="mb-2 flex gap-1">
          {views.map((v) => (
            <Button key={v} variant={v === view ? 'primary' : 'ghost'} aria-pressed={v === view} size="sm" onClick={() => setView(v)}>
              {i18n._(VIEW_LABELS[v])}
            </Button>
          ))}
        </div>
      )}
      {view === 'text' && (
        <pre role="region" tabIndex={0} data-testid="secret-value" aria-label={t`Secret value`} className={valueBox}>
          {text}
        </pre>
      )}
      {view === 'json' && json.kind === 'json' && (
        <pre role="region" tabIndex={0} data-testid="secret-value" aria-label={t`Secret value as JSON`} className={valueBox}>
          {json.pretty}
        </pre>
      )}
      {view === 'fields' && json.kind === 'json' && json.fields && <FieldsTable fields={json.fields} onCopy={onCopyField} />}
    </div>
  );
}

function FieldsTable({ fields, onCopy }: { fields: [string, string][]; onCopy: (value: string, key: string) => void }) {
  const { t } = useLingui();
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(fields.map(([key]) => key)));
  const allShown = shown.size === fields.length;
  const toggle = (key: string) => setShown((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => setShown(allShown ? new Set() : new Set(fields.map(([key]) => key)))}>
        {allShown ? <Trans>Hide all</Trans> : <Trans>Reveal all</Trans>}
      </Button>
      <table className="w-full text-sm">
        <caption className="sr-only">
          <Trans>Fields of the value</Trans>
        </caption>
        <thead className="max-sm:sr-only">
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <th className="py-1 pr-3 font-medium">
              <Trans>Key</Trans>
            </th>
            <th className="py-1 pr-3 font-medium">
              <Trans>Value</Trans>
            </th>
            <th className="py-1 font-medium">
              <span className="sr-only">
                <Trans>Actions</Trans>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map(([key, value]) => (
            // Narrow: the key on a line of its own, the value and its buttons under it.
            <tr
              key={key}
              className="border-b border-zinc-100 align-top max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:gap-x-2 max-sm:py-1.5 dark:border-zinc-900"
            >
              <th
                scope="row"
                className="py-1.5 pr-3 text-left font-mono font-normal break-words max-sm:col-span-2 max-sm:py-0 max-sm:font-medium"
              >
                {key}
              </th>
              <td className="py-1.5 pr-3 font-mono break-all whitespace-pre-wrap">{shown.has(key) ? value : MASK}</td>
              <td className="py-1 whitespace-nowrap">
                {/* One fixed width for Reveal and Hide, so Copy never moves; a flex row, so the
                    buttons sit on the text's line. */}
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    size="xs"
                    className="w-14"
                    aria-label={shown.has(key) ? t`Hide ${key}` : t`Reveal ${key}`}
                    onClick={() => toggle(key)}
                  >
                    {shown.has(key) ? <Trans>Hide</Trans> : <Trans>Reveal</Trans>}
                  </Button>
                  <Button variant="ghost" size="xs" aria-label={t`Copy ${key}`} onClick={() => onCopy(value, key)}>
                    <Trans>Copy</Trans>
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BinaryValueView({ base64, fileName, onDownload }: { base64: string; fileName: string; onDownload: () => void }) {
  const { t } = useLingui();
  const bytes = useMemo(() => base64ToBytes(base64), [base64]);
  const size = formatBytes(bytes.length);
  const count = bytes.length;
  const [confirming, setConfirming] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setConfirming(false);
    onDownload();
  };
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <Trans>
          Binary value, <span className="font-medium">{size}</span> ({count} bytes).
        </Trans>
      </p>
      <div>
        <h4 className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {bytes.length > 256 ? <Trans>Hex preview (first 256 bytes)</Trans> : <Trans>Hex preview</Trans>}
        </h4>
        <pre role="region" tabIndex={0} aria-label={t`Hex preview`} className={`${valueBox} whitespace-pre`}>
          {hexPreview(bytes)}
        </pre>
      </div>
      <div>
        <h4 className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          <Trans>Base64</Trans>
        </h4>
        <pre role="region" tabIndex={0} data-testid="secret-value" aria-label={t`Secret value as base64`} className={valueBox}>
          {base64}
        </pre>
      </div>
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={t`Download warning`}
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
        >
          <p>
            <Trans>The file is saved unencrypted on this computer, outside the console’s control. Delete it when you are done.</Trans>
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="primary" onClick={download}>
              <Trans>Download anyway</Trans>
            </Button>
            <Button onClick={() => setConfirming(false)}>
              <Trans>Cancel</Trans>
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>
          <Trans>Download…</Trans>
        </Button>
      )}
    </div>
  );
}
