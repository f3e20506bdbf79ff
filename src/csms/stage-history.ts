// Where a stage pointed, and when it moved, from the CTS traces of a secret: each trace that
// changed stages says which version got which stage (trace-change.ts). CTS keeps 7 days, so an
// answer from before its records begin is "unknown" unless the stage has not moved since.
import type { Trace } from './schemas.ts';

export interface StageMove {
  time: number;
  version_id: string;
  /** The version it left, when an older move in the records says so. */
  from?: string;
  user?: string;
  operation: string;
  request_id?: string;
}

/** The moves of one stage, newest first. A new version that takes SYSCURRENT moves SYSPREVIOUS to
 * the version that had it (CSMS's default), so those moves are implied too. */
export function stageMoves(traces: Trace[], stage: string): StageMove[] {
  const oldestFirst = traces.filter((t) => t.change && (!t.code || t.code.startsWith('2'))).sort((a, b) => a.time - b.time);
  const moves: StageMove[] = [];
  let current: string | undefined;
  for (const trace of oldestFirst) {
    const change = trace.change!;
    const move = (version_id: string) =>
      moves.push({
        time: trace.time,
        version_id,
        ...(moves.at(-1) && { from: moves.at(-1)!.version_id }),
        user: trace.user?.user_name ?? trace.user?.name,
        operation: trace.trace_name,
        request_id: trace.request_id,
      });
    const tookCurrent = change.stages.includes('SYSCURRENT') && trace.trace_name === 'CreateSecretVersion';
    if (stage === 'SYSPREVIOUS' && tookCurrent && current && current !== change.version_id) move(current);
    else if (change.stages.includes(stage)) move(change.version_id);
    if (change.stages.includes('SYSCURRENT')) current = change.version_id;
  }
  return moves.reverse();
}

export type StageAt =
  { known: true; version_id: string; since?: StageMove } | { known: false; reason: 'before-records' | 'did-not-exist'; next?: StageMove };

/**
 * Where a stage pointed at a time. `now`: where it points and since when (the stage's
 * update_time); `recordsFrom`: where the traces begin (CTS's window).
 */
export function stageAt(moves: StageMove[], time: number, now: { version_id: string; update_time?: number }, recordsFrom: number): StageAt {
  const before = moves.find((m) => m.time <= time);
  if (before) return { known: true, version_id: before.version_id, since: before };
  const next = moves.at(-1);
  if (!next) {
    // No move since `time` in the records: it still points where it did then, if the records
    // reach back to then or the stage has not moved since.
    if (time >= recordsFrom || (now.update_time !== undefined && now.update_time <= time))
      return { known: true, version_id: now.version_id };
    return { known: false, reason: 'before-records' };
  }
  if (next.operation === 'CreateSecret') return { known: false, reason: 'did-not-exist', next };
  return { known: false, reason: 'before-records', next };
}
