// A row's tags on one line: whole key=value chips, as many as the cell has room for, the rest
// counted ("+2"). A chip is never cut mid-word ("tea…" reads as nothing). The full list is the
// cell's title on hover, and every chip stays in the accessibility tree (the ones past the line are
// only clipped from view), so a screen reader reads them all and the count is for the eye only.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Tag } from '../../shared/schemas.ts';

const tagText = (tag: Tag) => `${tag.key}=${tag.value ?? ''}`;

export function TagChips({ tags }: { tags: Tag[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const { hidden, lineEnd } = useFirstLine(listRef, tags);
  return (
    <div className="relative" title={tags.map(tagText).join(', ')}>
      <ul ref={listRef} className="flex h-5 flex-wrap gap-1 overflow-hidden data-more:pr-7" data-more={hidden > 0 || undefined}>
        {tags.map((tag) => (
          <li key={tag.key} className="max-w-full truncate rounded bg-zinc-100 px-1 py-0.5 font-mono leading-4 dark:bg-zinc-800">
            {tagText(tag)}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <span aria-hidden="true" className="absolute top-0.5 text-zinc-600 dark:text-zinc-400" style={{ left: lineEnd + 4 }}>
          +{hidden}
        </span>
      )}
    </div>
  );
}

/** How many items of a wrapping list fell below its first line, and where that line ends; again
 * whenever the list resizes. */
function useFirstLine(listRef: RefObject<HTMLUListElement | null>, items: unknown) {
  const [line, setLine] = useState({ hidden: 0, lineEnd: 0 });
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const chips = [...list.querySelectorAll<HTMLElement>(':scope > li')];
      const firstTop = chips[0]?.offsetTop ?? 0;
      const onLine = chips.filter((chip) => chip.offsetTop === firstTop);
      const last = onLine.at(-1);
      const lineEnd = last ? last.offsetLeft + last.offsetWidth : 0;
      const hidden = chips.length - onLine.length;
      setLine((was) => (was.hidden === hidden && was.lineEnd === lineEnd ? was : { hidden, lineEnd }));
    };
    measure();
    // Room kept for the count narrows the list (and may push one more chip down): measured again.
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, items]);
  return line;
}
