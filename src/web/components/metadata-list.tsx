import { Plural, Trans } from '@lingui/react/macro';
import { Fragment, type ReactNode } from 'react';
import { InlineList } from './inline-list.tsx';

/** A labelled field; null when the secret has no value for it. `wide`: a whole row of its own. */
export type Field = [label: string, value: ReactNode | null, wide?: 'wide'];

/** A definition list of labelled fields, two columns on wide screens. */
export function MetadataList({
  items,
  label,
  columns = 'sm:grid-cols-2 lg:grid-cols-3',
}: {
  items: Field[];
  label: string;
  columns?: string;
}) {
  return (
    <dl aria-label={label} className={`grid gap-x-6 gap-y-3 ${columns}`}>
      {items.map(([term, value, wide]) => (
        <div key={term} className={`min-w-0 ${wide ? 'col-span-full' : ''}`}>
          <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
          <dd className="mt-0.5 text-sm break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A group of fields under a heading; its empty fields fold behind "n empty fields", and a group
 * with nothing in it is only that line.
 */
export function MetadataGroup({ title, fields }: { title: string; fields: Field[] }) {
  const filled = fields.filter(([, value]) => value !== null);
  const empty = fields.filter(([, value]) => value === null).map(([label]) => label);
  const emptyList = <InlineList items={empty.map((label) => ({ key: label, node: label }))} />;
  const count = empty.length;
  const emptyLine = count > 0 && (
    <details className="text-sm text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer">
        {filled.length === 0 ? (
          <Trans>
            {title}: <Plural value={count} one="# empty field" other="# empty fields" />
          </Trans>
        ) : (
          <Plural value={count} one="# empty field" other="# empty fields" />
        )}
      </summary>
      <p className="mt-1">
        <Trans>{emptyList}: not set.</Trans>
      </p>
    </details>
  );
  if (filled.length === 0) return emptyLine;
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <MetadataList label={title} items={filled} columns="sm:grid-cols-2" />
      {emptyLine}
    </section>
  );
}

export const Mono = ({ children }: { children: ReactNode }) => <span className="font-mono text-[13px] break-all">{children}</span>;

/** A long identifier (a URN) that may wrap after each `:`, never inside a word. */
export const BreakAfterColons = ({ text }: { text: string }) => (
  <span className="font-mono text-[13px] break-words">
    {text.split(':').map((part, i, parts) => (
      <Fragment key={i}>
        {part}
        {i < parts.length - 1 && (
          <>
            :<wbr />
          </>
        )}
      </Fragment>
    ))}
  </span>
);

export const None = () => <span className="text-zinc-500 dark:text-zinc-400">—</span>;
