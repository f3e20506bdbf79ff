// Tables that stack on a narrow screen: each row becomes a block and each cell a line led by its
// column's name (its data-label), so no column hides behind an unmarked sideways scroll.
export const stackedTable = {
  table: 'max-sm:block',
  head: 'max-sm:sr-only',
  body: 'max-sm:block',
  row: 'max-sm:block max-sm:py-2',
  rowHeader: 'max-sm:block',
  cell: 'max-sm:flex max-sm:items-baseline max-sm:gap-3 max-sm:py-0.5 max-sm:before:w-20 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-zinc-600 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-zinc-400',
};
