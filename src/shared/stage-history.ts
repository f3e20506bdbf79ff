// Where each stage pointed, and every move, from the CTS traces of the calls that move stages
// (trace-change.ts), by CSMS's documented rules:
// - CreateSecret: v1 gets SYSCURRENT ("The initial version is marked by the SYSCURRENT status tag").
// - CreateSecretVersion: "By default, the latest secret version is in SYSCURRENT state. The previous
//   version is in the SYSPREVIOUS state. You can overwrite the default behavior by specifying the
//   VersionStage parameter" (API reference, CreateSecretVersion).
// - UpdateSecretStage: "if you add the status tag used by version A to version B, the tag will be
//   moved from version A to version B" (API reference, UpdateSecretStage): that stage only.
// - DeleteSecretStage removes a stage; SYSCURRENT and SYSPREVIOUS cannot be deleted.
// - RotateSecret: "Creates a new secret version ... At the same time, the newly created secret
//   version is marked as SYSCURRENT" (API reference, RotateSecret). That the old SYSCURRENT gets
//   SYSPREVIOUS is CreateSecretVersion's default, not stated for a rotation: inferred. The stages
//   come from the recorded response when it has them; else the new version is the one version
//   created with no trace of its own within a minute of the call (inferred), else it is a gap.
// - RestoreSecret moves stages its trace does not name: a gap.
// The state is replayed both ways: forward from the first trace, backward from the stages as they
// are now. Each answer is known only when one of them knows it and they do not disagree.
import { isStageOperation } from './trace-change.ts';
import type { Trace } from './schemas.ts';

export const BUILT_IN = ['SYSCURRENT', 'SYSPREVIOUS'];

/** A stage's place: a version, null for "on no version", undefined for unknown. */
export type Place = string | null | undefined;

export interface StageMove {
  time: number;
  stage: string;
  /** undefined: the records do not say where it was; null: it was on no version. */
  from: Place;
  /** null: the stage was deleted. */
  to: string | null;
  operation: string;
  user?: string;
  request_id?: string;
  /** Moved by CSMS's rule, not named in the call (SYSPREVIOUS following a new SYSCURRENT). */
  automatic: boolean;
  /** Not stated by the documentation (or by the trace), derived from the other moves. */
  inferred: boolean;
}

/** A call that moved stages its trace does not say (or a version created with no trace). */
export interface StageGap {
  time: number;
  /** None for a version created with no trace (an automatic rotation, or a trace CTS lost). */
  operation?: string;
  user?: string;
  request_id?: string;
  /** The stages it may have moved: all, or the custom ones. */
  stages: 'all' | 'custom';
  /** The version that appeared with no trace of its creation. */
  version_id?: string;
}

type Effect =
  | { kind: 'created'; version: string }
  | {
      kind: 'set';
      version: string;
      stages: string[];
      automaticPrevious: boolean;
      /** Whether the documentation states that SYSPREVIOUS follows. */
      documented: boolean;
      /** The version was matched to the call by its creation time, not named by the trace. */
      matched?: boolean;
    }
  | { kind: 'deleted' }
  | { kind: 'gap'; stages: 'all' | 'custom' };

interface Event {
  time: number;
  effect: Effect;
  trace?: Trace;
  version_id?: string;
}

/** Known places, and what every stage not listed is: absent (null) or unknown (undefined). */
interface State {
  places: Map<string, Place>;
  rest: null | undefined;
}

const placeIn = (state: State, stage: string): Place => (state.places.has(stage) ? state.places.get(stage) : state.rest);
const copy = (state: State): State => ({ places: new Map(state.places), rest: state.rest });
/** Every stage not listed becomes unknown; the built-in ones keep their places (they are never deleted). */
const restUnknown = (state: State) => {
  for (const stage of BUILT_IN) state.places.set(stage, placeIn(state, stage));
  state.rest = undefined;
};
const isCustom = (stage: string) => !BUILT_IN.includes(stage);

/** How close a rotation's trace and its version's creation time must be to be matched. */
export const ROTATION_MATCH_MS = 60_000;

const takesCurrent = (stages: string[]) => stages.includes('SYSCURRENT') && !stages.includes('SYSPREVIOUS');

/** `untraced`: the version a RotateSecret with no version in its trace created, when one only fits. */
function effectOf(trace: Trace, untraced?: string): Effect {
  const change = trace.change;
  if (!change) return { kind: 'gap', stages: 'all' };
  if (change.kind === 'created') return { kind: 'created', version: change.version_id };
  if (change.kind === 'deleted') return { kind: 'deleted' };
  if (change.kind === 'rotated') {
    const version = change.version_id ?? untraced;
    if (!version) return { kind: 'gap', stages: 'all' };
    // With no stages in the response, the documented rule: the new version is SYSCURRENT.
    const stages = change.stages.length > 0 ? change.stages : ['SYSCURRENT'];
    return { kind: 'set', version, stages, automaticPrevious: takesCurrent(stages), documented: false, matched: !change.version_id };
  }
  return {
    kind: 'set',
    version: change.version_id,
    stages: change.stages,
    automaticPrevious: change.kind === 'new-version' && takesCurrent(change.stages),
    // The response cannot tell "no stages given" from "SYSCURRENT given"; with more stages given,
    // the documentation does not say whether SYSPREVIOUS still follows.
    documented: change.stages.length === 1,
  };
}

/** Which stage a DeleteSecretStage removed, when the states around it leave one only: custom, not
 * known absent before, not known on a version after. */
function deletedStage(before: State, after: State): string | undefined {
  const named = new Set([...before.places.keys(), ...after.places.keys()]);
  const candidates = [...named].filter((s) => isCustom(s) && placeIn(before, s) !== null && typeof placeIn(after, s) !== 'string');
  // A call removes one stage: one known on a version before and on none after is that one.
  const gone = candidates.filter((s) => typeof placeIn(before, s) === 'string' && placeIn(after, s) === null);
  if (gone.length === 1) return gone[0];
  // Otherwise the one candidate, only when the state before names every stage there was: a stage
  // left unnamed (an unknown rest) could have been the one removed.
  return candidates.length === 1 && before.rest === null ? candidates[0] : undefined;
}

const UNKNOWN: State = { places: new Map(), rest: undefined };

/** The state after an event; `hint`: what is known of it otherwise (the backward replay). */
function forward(before: State, effect: Effect, hint: State = UNKNOWN): State {
  if (effect.kind === 'created') return { places: new Map([['SYSCURRENT', effect.version]]), rest: null };
  const after = copy(before);
  if (effect.kind === 'gap') {
    if (effect.stages === 'all') return { places: new Map(), rest: undefined };
    for (const stage of after.places.keys()) if (isCustom(stage)) after.places.set(stage, undefined);
    restUnknown(after);
    return after;
  }
  if (effect.kind === 'deleted') {
    // One stage was removed; which one, the trace does not say: each custom stage on a version may be it.
    const deleted = deletedStage(before, hint);
    if (deleted) return (after.places.set(deleted, null), after);
    for (const [stage, place] of before.places) if (isCustom(stage) && place !== null) after.places.set(stage, undefined);
    return after;
  }
  for (const stage of effect.stages) after.places.set(stage, effect.version);
  if (effect.automaticPrevious) {
    const current = placeIn(before, 'SYSCURRENT');
    if (current === undefined) after.places.set('SYSPREVIOUS', undefined);
    else if (current !== null && current !== effect.version) after.places.set('SYSPREVIOUS', current);
  }
  return after;
}

/** The state before an event; `hint`: what is known of it otherwise (the forward replay). */
function backward(after: State, effect: Effect, hint: State = UNKNOWN): State {
  if (effect.kind === 'created') return { places: new Map(), rest: null };
  if (effect.kind === 'gap') return forward(after, effect);
  const before = copy(after);
  if (effect.kind === 'deleted') {
    const deleted = deletedStage(hint, after);
    if (deleted) return (before.places.set(deleted, placeIn(hint, deleted)), before);
    // A stage on a version afterwards was there before; one absent afterwards may be the deleted one.
    for (const [stage, place] of after.places) if (isCustom(stage) && place === null) before.places.set(stage, undefined);
    restUnknown(before);
    return before;
  }
  for (const stage of effect.stages) before.places.set(stage, undefined);
  // The version SYSPREVIOUS went to is the one SYSCURRENT left.
  if (effect.automaticPrevious) {
    const previous = placeIn(after, 'SYSPREVIOUS');
    before.places.set('SYSCURRENT', previous);
    before.places.set('SYSPREVIOUS', undefined);
  }
  return before;
}

export interface StageHistoryInput {
  /** The traces of the stage-moving operations (STAGE_OPERATIONS), any order. */
  traces: Trace[];
  /** Every stage as it is now: stage name → version id. */
  present: Record<string, string>;
  /** The secret's versions with their creation times: one created with no trace is a gap. */
  versions: { id: string; create_time?: number }[];
  secretCreated?: number;
  /** Where the traces begin (CTS keeps 7 days). */
  recordsFrom: number;
  /** False when there were more traces than were read: the oldest read then starts the records. */
  complete: boolean;
  now: number;
}

export interface StageHistory {
  /** Every move, newest first. */
  moves: StageMove[];
  gaps: StageGap[];
  /** Where the readable records begin. */
  recordsFrom: number;
  complete: boolean;
  secretCreated?: number;
  now: number;
  /** A stage's place at a time inside the records; `conflict` when the two replays disagree. */
  placeAt: (stage: string, time: number) => { place: Place; conflict: boolean };
  present: Record<string, string>;
}

const ok = (t: Trace) => !t.code || t.code.startsWith('2');
const userOf = (t?: Trace) => t?.user?.user_name ?? t?.user?.name;

export function stageHistory(input: StageHistoryInput): StageHistory {
  const traced = input.traces.filter((t) => ok(t) && isStageOperation(t.trace_name));
  const named = new Set(traced.flatMap((t) => (t.change && 'version_id' in t.change && t.change.version_id ? [t.change.version_id] : [])));
  const rotationOf = matchRotations(traced, input.versions, named);
  const tracedVersions = new Set([...named, ...rotationOf.values()]);
  const oldestRead = Math.min(...traced.map((t) => t.time));
  const recordsFrom = input.complete || traced.length === 0 ? input.recordsFrom : oldestRead;
  const events: Event[] = [
    ...traced.map((trace) => ({ time: trace.time, effect: effectOf(trace, rotationOf.get(trace)), trace })),
    ...input.versions
      .filter((v) => v.create_time !== undefined && v.create_time >= recordsFrom && !tracedVersions.has(v.id))
      .map((v) => ({ time: v.create_time!, effect: { kind: 'gap', stages: 'all' } as const, version_id: v.id })),
  ].sort((a, b) => a.time - b.time);

  // Each replay learns from the other where a deletion left one candidate: two rounds.
  let backwardStates = replayBackward(events, input.present, []);
  let forwardStates = replayForward(events, backwardStates);
  backwardStates = replayBackward(events, input.present, forwardStates);
  forwardStates = replayForward(events, backwardStates);

  const merged = (i: number, stage: string) => {
    const [f, b] = [placeIn(forwardStates[i]!, stage), placeIn(backwardStates[i]!, stage)];
    const conflict = f !== undefined && b !== undefined && f !== b;
    return { place: conflict ? undefined : b !== undefined ? b : f, conflict };
  };
  const indexAt = (time: number) => events.filter((e) => e.time <= time).length;

  const moves: StageMove[][] = [];
  const gaps: StageGap[] = [];
  events.forEach((event, i) => {
    const { effect, trace } = event;
    const base = { time: event.time, operation: trace?.trace_name, user: userOf(trace), request_id: trace?.request_id };
    if (effect.kind === 'gap') return gaps.push({ ...base, stages: effect.stages, version_id: event.version_id });
    const touched =
      effect.kind === 'created'
        ? ['SYSCURRENT']
        : effect.kind === 'set'
          ? [...effect.stages, ...(effect.automaticPrevious ? ['SYSPREVIOUS'] : [])]
          : stagesIn(forwardStates[i]!, backwardStates[i + 1]!).filter(isCustom);
    let named = false;
    const own: StageMove[] = [];
    moves.push(own);
    for (const stage of touched) {
      const from = merged(i, stage).place;
      const to = merged(i + 1, stage).place;
      if (to === undefined || (from !== undefined && from === to)) continue;
      if (effect.kind === 'deleted' && (typeof from !== 'string' || to !== null)) continue;
      const automatic = effect.kind === 'set' && !effect.stages.includes(stage);
      named ||= effect.kind === 'deleted';
      own.push({
        ...base,
        operation: base.operation ?? '',
        stage,
        from,
        to,
        automatic,
        inferred: effect.kind === 'deleted' || (effect.kind === 'set' && (!!effect.matched || (automatic && !effect.documented))),
      });
    }
    if (effect.kind === 'deleted' && !named) gaps.push({ ...base, stages: 'custom' });
  });

  return {
    // Newest first; within one call, the stage it named before the one that followed.
    moves: moves.reverse().flat(),
    gaps: gaps.reverse(),
    recordsFrom,
    complete: input.complete,
    secretCreated: input.secretCreated,
    now: input.now,
    present: input.present,
    placeAt: (stage, time) => merged(indexAt(time), stage),
  };
}

/** Each RotateSecret whose trace names no version, with the version it created: the one version
 * created with no trace of its own within ROTATION_MATCH_MS of the call, when that version is near
 * no other such call. Any doubt leaves it unmatched (a gap). */
function matchRotations(traced: Trace[], versions: StageHistoryInput['versions'], named: Set<string>): Map<Trace, string> {
  const rotations = traced.filter((t) => t.change?.kind === 'rotated' && !t.change.version_id);
  const near = (t: Trace, v: { create_time?: number }) =>
    v.create_time !== undefined && Math.abs(v.create_time - t.time) <= ROTATION_MATCH_MS;
  const candidates = versions.filter((v) => !named.has(v.id));
  const matches = new Map<Trace, string>();
  for (const rotation of rotations) {
    const fits = candidates.filter((v) => near(rotation, v));
    if (fits.length === 1 && rotations.filter((r) => near(r, fits[0]!)).length === 1) matches.set(rotation, fits[0]!.id);
  }
  return matches;
}

function replayForward(events: Event[], hints: State[]): State[] {
  const states: State[] = [UNKNOWN];
  events.forEach((event, i) => states.push(forward(states[i]!, event.effect, hints[i + 1])));
  return states;
}

function replayBackward(events: Event[], present: Record<string, string>, hints: State[]): State[] {
  const states: State[] = [{ places: new Map(Object.entries(present)), rest: null }];
  for (let i = events.length - 1; i >= 0; i--) states.unshift(backward(states[0]!, events[i]!.effect, hints[i]));
  return states;
}

function stagesIn(...states: State[]) {
  return [...new Set(states.flatMap((s) => [...s.places.keys()]))];
}

/** What a stage pointed at, at a time, with the evidence: the move at or before it, the one after. */
export type StageAt =
  | { known: true; version_id: string | null; since?: StageMove; until?: StageMove; future: boolean; beforeSecret: boolean }
  | { known: false; reason: 'before-records' | 'partial' | 'gap' | 'unrecorded-origin'; gap?: StageGap; until?: StageMove };

/** `updatedAt`: the stage's update_time now (ShowSecretStage): untouched since, it pointed there. */
export function stageAt(history: StageHistory, stage: string, time: number, updatedAt?: number): StageAt {
  const own = history.moves.filter((m) => m.stage === stage);
  const since = own.find((m) => m.time <= time);
  const until = own.findLast((m) => m.time > time);
  if (time > history.now) {
    return { known: true, version_id: history.present[stage] ?? null, since: own[0], future: true, beforeSecret: false };
  }
  if (history.secretCreated !== undefined && time < history.secretCreated)
    return { known: true, version_id: null, until: own.at(-1), future: false, beforeSecret: true };
  const present = history.present[stage];
  if (present !== undefined && updatedAt !== undefined && updatedAt <= time)
    return { known: true, version_id: present, since, until, future: false, beforeSecret: false };
  if (time < history.recordsFrom) return { known: false, reason: history.complete ? 'before-records' : 'partial', until: own.at(-1) };
  const { place, conflict } = history.placeAt(stage, time);
  if (place !== undefined) return { known: true, version_id: place, since, until, future: false, beforeSecret: false };
  const gap = history.gaps.find((g) => g.time <= time && (g.stages === 'all' || BUILT_IN.every((b) => b !== stage)));
  if (gap || conflict) return { known: false, reason: 'gap', gap, until };
  return { known: false, reason: 'unrecorded-origin', until };
}
