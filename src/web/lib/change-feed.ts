// The change feed's rows: the changes CTS recorded in a project, grouped by secret, newest first
// (the secret with the latest change first), and the window the address names.
import type { Trace } from '../../shared/schemas.ts';
import type { TraceWindow } from '../api/activity.ts';
import { windowOf, type TimeParamProblem } from './activity-filter.ts';

const DAY = 24 * 3600_000;

export interface SecretChanges {
  secretName: string;
  traces: Trace[];
}

export function groupBySecret(traces: Trace[]): SecretChanges[] {
  const groups = new Map<string, Trace[]>();
  for (const trace of [...traces].sort((a, b) => b.time - a.time)) {
    const name = trace.resource_name ?? '';
    groups.set(name, [...(groups.get(name) ?? []), trace]);
  }
  return [...groups].map(([secretName, traces]) => ({ secretName, traces }));
}

/** The window in the address (`from`, `to`), else the last 24 hours ending `now`. */
export function feedWindowOf(search: URLSearchParams, now: number): { window: TraceWindow; chosen: boolean; problem?: TimeParamProblem } {
  const { window, problem } = windowOf(search);
  if (window) return { window, chosen: true };
  // A whole minute, so the query asked for stays the same between renders.
  const to = Math.ceil(now / 60_000) * 60_000;
  return { window: { from: to - DAY, to }, chosen: false, problem };
}
