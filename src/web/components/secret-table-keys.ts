// The secret list's keys: j/k or the arrows move through the rows, Enter opens the one chosen. The
// row chosen is kept in view and its link focused (so Enter or a screen reader acts on it). Loaded
// after the list is drawn (secret-table.tsx): no key is needed to draw it.
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../lib/paths.ts';
import type { SecretRow } from '../lib/secret-rows.ts';
import { useShortcuts } from '../lib/shortcuts.ts';

export default function SecretTableKeys({
  projectId,
  bodyRef,
  rows,
  rowHeight,
  shown: { first, last },
  chosenIndex,
  setChosen,
}: {
  projectId: string;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  rows: SecretRow[];
  rowHeight: number;
  /** The rows drawn: [first, last). */
  shown: { first: number; last: number };
  chosenIndex: number;
  setChosen: (name: string) => void;
}) {
  const { t } = useLingui();
  const navigate = useNavigate();
  // Focus follows j/k only: never while the person types a filter.
  const focusPending = useRef(false);
  const current = chosenIndex >= 0 ? rows[chosenIndex] : undefined;
  const move = (step: number) => {
    let next: number;
    if (chosenIndex >= 0) next = Math.min(rows.length - 1, Math.max(0, chosenIndex + step));
    else {
      // From the first row in view.
      const top = bodyRef.current?.getBoundingClientRect().top ?? 0;
      next = Math.min(rows.length - 1, Math.max(0, Math.ceil(-top / rowHeight)));
    }
    const body = bodyRef.current;
    if (body) {
      const rowTop = body.getBoundingClientRect().top + window.scrollY + next * rowHeight;
      if (rowTop < window.scrollY + rowHeight * 2 || rowTop + rowHeight > window.scrollY + window.innerHeight)
        window.scrollTo({ top: rowTop - window.innerHeight / 2 });
    }
    focusPending.current = true;
    setChosen(rows[next]!.secret.name);
  };
  useEffect(() => {
    if (!focusPending.current || chosenIndex < first || chosenIndex >= last) return;
    focusPending.current = false;
    bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[aria-rowindex="${chosenIndex + 2}"] a`)?.focus({ preventScroll: true });
  }, [bodyRef, chosenIndex, first, last]);
  useShortcuts([
    { keys: ['j', 'ArrowDown'], label: t`Next secret`, run: () => move(1), disabled: rows.length === 0 },
    { keys: ['k', 'ArrowUp'], label: t`Previous secret`, run: () => move(-1), disabled: rows.length === 0 },
    {
      keys: ['Enter'],
      label: t`Open the secret chosen`,
      run: () => {
        // Enter on a control keeps its own meaning; elsewhere it opens the row chosen.
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== document.body && !bodyRef.current?.contains(active)) active.click();
        else if (current) void navigate(paths.secret(projectId, current.secret.name));
      },
      disabled: !current,
    },
  ]);
  return null;
}
