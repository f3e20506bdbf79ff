// Items written inline, separated as the page's language separates them: "a, b, c" or "a、b、c".
import { useLingui } from '@lingui/react';
import { Fragment, type ReactNode } from 'react';
import { inlineListFormat } from '../lib/locale.ts';

export function InlineList({ items }: { items: { key: string; node: ReactNode }[] }) {
  const { i18n } = useLingui();
  const parts = inlineListFormat(i18n.locale).formatToParts(items.map((_, i) => String(i)));
  return (
    <>
      {parts.map((part, i) =>
        part.type === 'element' ? (
          <Fragment key={items[Number(part.value)]!.key}>{items[Number(part.value)]!.node}</Fragment>
        ) : (
          <Fragment key={`sep${i}`}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
