import type { ReactNode } from 'react';

/** A definition list of labelled fields, two columns on wide screens. */
export function MetadataList({ items, label }: { items: [string, ReactNode][]; label: string }) {
  return (
    <dl aria-label={label} className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
          <dd className="mt-0.5 text-sm break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const Mono = ({ children }: { children: ReactNode }) => <span className="font-mono text-[13px] break-all">{children}</span>;
export const None = () => <span className="text-zinc-500 dark:text-zinc-400">—</span>;
