// The stage history a secret page shows: every stage's moves from CTS's traces (stage-history.ts),
// merged, newest first. SYSPREVIOUS is listed whenever SYSCURRENT moved, as CSMS moves it along.
import { stageMoves, type StageMove } from '../../csms/stage-history.ts';
import type { Trace } from '../../csms/schemas.ts';
import { sortStages } from './stages.ts';

export function allStageMoves(traces: Trace[]): (StageMove & { stage: string })[] {
  const stages = new Set(traces.flatMap((t) => t.change?.stages ?? []));
  if (stages.has('SYSCURRENT')) stages.add('SYSPREVIOUS');
  return sortStages([...stages])
    .flatMap((stage) => stageMoves(traces, stage).map((move) => ({ ...move, stage })))
    .sort((a, b) => b.time - a.time);
}
