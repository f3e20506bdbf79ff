// The tags the console exports as metric labels (CONSOLE_METRICS_TAG_LABELS), read by the sweep
// with ListResourceInstances (pages of 1000 by offset): for each secret, only the values of those
// keys, so a tag an operator did not name never becomes a label.
import type { ProjectOverview } from '../shared/console-api.ts';
import { describeFailure, type ReadResult } from './csms-reader.ts';

const PAGE = 1000;
/** CSMS keeps 500 secrets a project by default; a few pages more are a margin, not a loop. */
const MAX_PAGES = 5;

/** `team` → `tag_team`: a tag key as a label name (letters, digits and `_` only). */
export const tagLabelName = (key: string) => `tag_${key.replace(/[^A-Za-z0-9_]/g, '_')}`;

export async function readTagLabels(
  listPage: (offset: number, limit: number) => Promise<ReadResult<'ListResourceInstances'>>,
  keys: string[],
): Promise<NonNullable<ProjectOverview['tag_labels']>> {
  // Keyed by secret names, which may be "__proto__": no prototype to set by mistake.
  const values: Record<string, Record<string, string>> = Object.create(null);
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await listPage(page * PAGE, PAGE);
    if (!answer.ok) return { ok: false, ...describeFailure('ListResourceInstances', answer) };
    for (const r of answer.data.resources) {
      const name = r.resource_name ?? r.resource_detail?.name ?? r.resource_id;
      const named = r.tags.filter((t) => keys.includes(t.key));
      if (named.length > 0) values[name] = Object.fromEntries(named.map((t) => [t.key, t.value ?? '']));
    }
    if (answer.data.resources.length < PAGE || (page + 1) * PAGE >= answer.data.total_count) break;
  }
  return { ok: true, values };
}
