// What a compare found: equal or not, each side's version, fingerprint and shape, and for two JSON
// objects key by key. A side that could not be read says why on its side; the other still shows.
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { CompareResult, CompareSide } from '../../shared/console-api.ts';
import type { KeyChange } from '../../shared/value-shape.ts';
import { paths } from '../lib/paths.ts';
import { CopyCompareResult } from './copy-compare-result.tsx';
import { CopyErrorDetails } from './copy-error-details.tsx';
import { TimeText } from './time-text.tsx';
import { Badge, type Tone } from './ui/badge.tsx';

const KIND = { json: msg`a JSON object`, text: msg`text`, binary: msg`binary` };

const CHANGE: Record<KeyChange, { label: ReturnType<typeof msg>; tone: Tone }> = {
  equal: { label: msg`equal`, tone: 'green' },
  changed: { label: msg`changed`, tone: 'amber' },
  added: { label: msg`added (only in B)`, tone: 'blue' },
  removed: { label: msg`removed (only in A)`, tone: 'red' },
};

function Verdict({ result }: { result: CompareResult }) {
  const tone =
    result.equal === null
      ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
      : result.equal
        ? 'border-green-300 bg-green-50 dark:border-green-800 dark:bg-green-950/40'
        : 'border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900';
  return (
    <p role="status" data-testid="compare-verdict" className={`rounded-lg border p-3 text-base font-semibold ${tone}`}>
      {result.equal === null ? (
        <Trans>Not compared: a side could not be read (see below).</Trans>
      ) : result.equal ? (
        <Trans>Same value: A and B are equal.</Trans>
      ) : (
        <Trans>Different values: A and B are not equal.</Trans>
      )}
    </p>
  );
}

function Shape({ side }: { side: Extract<CompareSide, { ok: true }> }) {
  if (side.kind === 'json') {
    const count = side.keys.length;
    return <Plural value={count} one="JSON object, # key" other="JSON object, # keys" />;
  }
  if (side.kind === 'text') {
    const lines = side.lines;
    return <Plural value={lines} one="Text, # line" other="Text, # lines" />;
  }
  const size = side.size;
  return <Plural value={size} one="Binary, # byte" other="Binary, # bytes" />;
}

function SideFailure({ side }: { side: Extract<CompareSide, { ok: false }> }) {
  const status = side.status;
  const permission = side.permission;
  return (
    <div role="alert" className="space-y-1 text-sm">
      <p className="font-semibold text-red-900 dark:text-red-200">
        {status === 404 ? (
          <Trans>Not found</Trans>
        ) : status === 403 ? (
          <Trans>Read refused</Trans>
        ) : status === 429 ? (
          <Trans>Too many value reads</Trans>
        ) : (
          <Trans>Could not be read (HTTP {status})</Trans>
        )}
      </p>
      <p>{side.message}</p>
      {permission && (
        <p>
          <Trans>
            Reading this value needs the IAM permission <code className="font-mono">{permission}</code>.
          </Trans>
        </p>
      )}
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 font-mono text-xs text-zinc-700 dark:text-zinc-300">
        <dt>
          <Trans>Code</Trans>
        </dt>
        <dd>{side.code}</dd>
        <dt>
          <Trans>Request id</Trans>
        </dt>
        <dd className="break-all">{side.request_id ?? '—'}</dd>
      </dl>
      <CopyErrorDetails error={{ code: side.code, message: side.message, status: side.status, requestId: side.request_id }} />
    </div>
  );
}

function SideCard({ name, side }: { name: 'A' | 'B'; side: CompareSide }) {
  const { ref } = side;
  return (
    <section
      aria-label={name === 'A' ? 'A' : 'B'}
      data-testid={`compare-side-${name.toLowerCase()}`}
      className={`min-w-0 space-y-2 rounded-lg border p-4 ${side.ok ? 'border-zinc-200 dark:border-zinc-800' : 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40'}`}
    >
      <h2 className="text-base font-semibold">
        {name}: <span className="font-mono break-all">{`${ref.secret_name}/${ref.ref}`}</span>
      </h2>
      <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{ref.project_id}</p>
      {side.ok ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt>
            <Trans>Version</Trans>
          </dt>
          <dd>
            <Link
              className="font-mono text-blue-700 underline dark:text-blue-400"
              to={paths.version(ref.project_id, ref.secret_name, side.version_id)}
            >
              {side.version_id}
            </Link>
            {side.version_stages.length > 0 && <span className="ml-2 font-mono text-xs">{side.version_stages.join(', ')}</span>}
          </dd>
          <dt>
            <Trans>Created</Trans>
          </dt>
          <dd>
            <TimeText value={side.create_time} />
          </dd>
          <dt>
            <Trans>Fingerprint</Trans>
          </dt>
          <dd className="font-mono" data-testid="fingerprint">
            {side.fingerprint}
          </dd>
          <dt>
            <Trans>Kind</Trans>
          </dt>
          <dd>
            <Shape side={side} />
          </dd>
        </dl>
      ) : (
        <SideFailure side={side} />
      )}
    </section>
  );
}

export function CompareResultView({ result }: { result: CompareResult }) {
  const { i18n } = useLingui();
  const { a, b } = result;
  const kinds = a.ok && b.ok && a.kind !== b.kind ? { a: i18n._(KIND[a.kind]), b: i18n._(KIND[b.kind]) } : undefined;
  const [kindA, kindB] = [kinds?.a, kinds?.b];
  return (
    <div className="space-y-4">
      <Verdict result={result} />
      <CopyCompareResult result={result} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <Trans>Fingerprints are keyed by this console and are comparable only within it. They are not stored.</Trans>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <SideCard name="A" side={a} />
        <SideCard name="B" side={b} />
      </div>
      {kinds && (
        <p className="text-sm" data-testid="kind-mismatch">
          <Trans>
            A is {kindA} and B is {kindB}: values of different kinds are never equal, and there are no keys to compare.
          </Trans>
        </p>
      )}
      {result.keys && (
        <section aria-labelledby="keys-heading" className="space-y-2">
          <h2 id="keys-heading" className="text-base font-semibold">
            <Trans>Keys</Trans>
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-3 font-medium">
                  <Trans>Key</Trans>
                </th>
                <th className="py-1 pr-3 font-medium">
                  <Trans>Type in A</Trans>
                </th>
                <th className="py-1 pr-3 font-medium">
                  <Trans>Type in B</Trans>
                </th>
                <th className="py-1 font-medium">
                  <Trans>Change</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.keys.map((key) => (
                <tr key={key.path.join('\u0000')} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 pr-3 font-mono break-words">{key.path.join('.')}</td>
                  <td className="py-1 pr-3 font-mono">{key.a ?? '—'}</td>
                  <td className="py-1 pr-3 font-mono">{key.b ?? '—'}</td>
                  <td className="py-1">
                    <Badge tone={CHANGE[key.change].tone}>{i18n._(CHANGE[key.change].label)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
