// The change feed's rows: the changes CTS recorded in a project and the value reads the console's
// audit indexed, grouped by secret, newest first (the secret with the latest of either first), and
// the window the address names.
import type { Trace } from '../../shared/schemas.ts';
import type { ProjectValueRead } from '../../shared/value-reads.ts';
import type { TraceWindow } from '../api/activity.ts';
import { windowOf, type TimeParamProblem } from './activity-filter.ts';

const DAY = 24 * 3600_000;

export interface SecretChanges {
  secretName: string;
  traces: Trace[];
  reads: ProjectValueRead[];
}

export function groupBySecret(traces: Trace[], reads: ProjectValueRead[] = []): SecretChanges[] {
  const groups = new Map<string, SecretChanges>();
  const groupOf = (secretName: string) => {
    const group = groups.get(secretName) ?? { secretName, traces: [], reads: [] };
    groups.set(secretName, group);
    return group;
  };
  for (const trace of [...traces].sort((a, b) => b.time - a.time)) groupOf(trace.resource_name ?? '').traces.push(trace);
  for (const read of [...reads].sort((a, b) => b.time - a.time)) groupOf(read.secret).reads.push(read);
  const latest = (g: SecretChanges) => Math.max(g.traces[0]?.time ?? -Infinity, g.reads[0]?.time ?? -Infinity);
  return [...groups.values()].sort((a, b) => latest(b) - latest(a));
}

/** The window in the address (`from`, `to`), else the last 24 hours ending `now`. */
export function feedWindowOf(search: URLSearchParams, now: number): { window: TraceWindow; chosen: boolean; problem?: TimeParamProblem } {
  const { window, problem } = windowOf(search);
  if (window) return { window, chosen: true };
  // A whole minute, so the query asked for stays the same between renders.
  const to = Math.ceil(now / 60_000) * 60_000;
  return { window: { from: to - DAY, to }, chosen: false, problem };
}
