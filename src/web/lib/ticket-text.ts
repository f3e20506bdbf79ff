// Text to paste into a support ticket, one builder for all of it: a secret's summary (plain text or
// Markdown) with its health, stage moves and value reads, a project's change feed, a compare's
// result, and an error's details. Built from metadata only: there is no value among the inputs, so none can reach a ticket.
import { i18n } from '@lingui/core';
import { msg, plural, t } from '@lingui/core/macro';
import type { CompareResult, CompareSide } from '../../shared/console-api.ts';
import type { Flag, Severity } from '../../shared/health.ts';
import { LIMITS } from '../../shared/patterns.ts';
import type { Secret, Tag, VersionMetadata } from '../../shared/schemas.ts';
import type { StageAt, StageHistory, StageMove } from '../../shared/stage-history.ts';
import type { ProjectValueReads, ValueRead } from '../../shared/value-reads.ts';
import type { SecretChanges } from './change-feed.ts';
import { sortStages } from './stages.ts';
import { valueReadAction } from './value-read-action.ts';
import { formatUtc, toMillis } from './time.ts';

export type TicketFormat = 'text' | 'markdown';

/** The words of a summary, in the page's language. */
export interface SummaryLabels {
  secret: string;
  project: string;
  region: string;
  state: string;
  stages: string;
  versions: string;
  created: string;
  expires: string;
  rotation: string;
  rotationOff: string;
  lastRotation: string;
  nextRotation: string;
  tags: string;
  none: string;
  unreadable: string;
  page: string;
  /** "Stage SYSCURRENT" or "Version v3": what the page is about, when not the whole secret. */
  focus?: string;
}

const LABELS = {
  secret: msg`Secret`,
  project: msg`Project`,
  region: msg`Region`,
  state: msg`State`,
  stages: msg`Stages`,
  versions: msg`Versions`,
  created: msg`created`,
  expires: msg`expires`,
  rotation: msg`Rotation`,
  rotationOff: msg`off`,
  lastRotation: msg`last`,
  nextRotation: msg`next`,
  tags: msg`Tags`,
  none: msg`none`,
  unreadable: msg`could not be read`,
  page: msg`Page`,
};

/** The summary's words in the language active now (a ticket is written in the page's language). */
export const summaryLabels = (): SummaryLabels =>
  Object.fromEntries(Object.entries(LABELS).map(([key, message]) => [key, i18n._(message)])) as unknown as SummaryLabels;

export interface SummaryInput {
  secret: Secret;
  project: { id: string; name: string; region: string };
  versions: VersionMetadata[];
  /** Undefined: the tags could not be read. */
  tags: Tag[] | undefined;
  /** Automatic rotation in words ("every 30 days"), when on. */
  rotationPeriod?: string;
  url: string;
  /** The page's health flags, and why any part of them is unknown. */
  health?: { flags: Flag[]; unknown: string[] };
  /** The newest stage moves (recentStageMoves), or why they are unknown. */
  stageMoves?: { moves: StageMove[]; partial: boolean } | { unknown: string };
  /** The newest value reads, or why they are unknown. */
  valueReads?: { reads: ValueRead[]; since: number } | { unknown: string };
  /** A stage page's point-in-time answer and its evidence, when shown. */
  pointInTime?: string[];
}

/** How many stage moves and value reads a ticket gets (the newest). */
export const TICKET_ROWS = 10;

/** The newest moves of the stage history (it lists them newest first). */
export const recentStageMoves = (history: StageHistory, count = TICKET_ROWS): StageMove[] => history.moves.slice(0, count);

const utc = (t: number | null | undefined) => (t === null || t === undefined ? '—' : formatUtc(toMillis(t)));
/** Markdown table cells and inline code must not be broken by what a tag holds. */
const cell = (text: string) => text.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');

export function stagePairs(versions: VersionMetadata[]): [string, string][] {
  const pairs = versions.flatMap((v) => v.version_stages.map((s): [string, string] => [s, v.id]));
  const order = sortStages(pairs.map(([s]) => s));
  return order.map((s) => pairs.find(([stage]) => stage === s)!);
}

export function secretSummary(input: SummaryInput, format: TicketFormat, l: SummaryLabels = summaryLabels()): string {
  const { secret, project, versions, tags } = input;
  const md = format === 'markdown';
  const code = (s: string) => (md ? `\`${cell(s)}\`` : s);
  const stages = stagePairs(versions);
  const stagesText = stages.length ? stages.map(([s, v]) => `${code(s)} → ${code(v)}`).join(', ') : l.none;
  const rotation = secret.auto_rotation
    ? [input.rotationPeriod, `${l.lastRotation} ${utc(secret.rotation_time)}`, `${l.nextRotation} ${utc(secret.next_rotation_time)}`]
        .filter(Boolean)
        .join('; ')
    : l.rotationOff;
  const tagsText = tags === undefined ? l.unreadable : tags.length ? tags.map((t) => code(`${t.key}=${t.value ?? ''}`)).join(', ') : l.none;
  const fields: [string, string][] = [
    [l.project, `${project.name} (${code(project.id)})`],
    [l.region, code(project.region)],
    [l.state, code(secret.state)],
    ...(l.focus ? [[l.page, l.focus] as [string, string]] : []),
    [l.stages, stagesText],
    [l.rotation, rotation],
    [l.tags, tagsText],
  ];
  const versionLines = versions.map((v) => {
    const stagesOf = sortStages(v.version_stages).join(', ');
    return md
      ? `| ${code(v.id)} | ${utc(v.create_time)} | ${utc(v.expire_time)} | ${stagesOf ? code(stagesOf) : ''} |`
      : `  ${v.id}  ${l.created} ${utc(v.create_time)}  ${l.expires} ${utc(v.expire_time)}${stagesOf ? `  [${stagesOf}]` : ''}`;
  });
  const story = storySections(input, format);
  if (!md)
    return [
      `${l.secret}: ${secret.name}`,
      ...fields.map(([k, v]) => `${k}: ${v}`),
      ...story,
      `${l.versions}:`,
      ...(versionLines.length ? versionLines : [`  ${l.none}`]),
      input.url,
    ].join('\n');
  return [
    `**${l.secret}** ${code(secret.name)}`,
    '',
    ...fields.map(([k, v]) => `- **${k}**: ${v}`),
    '',
    ...story,
    `| ${l.versions} | ${l.created} | ${l.expires} | ${l.stages} |`,
    '| --- | --- | --- | --- |',
    ...versionLines,
    '',
    `<${input.url}>`,
  ].join('\n');
}

const unknownLine = (reason: string) => t`Unknown: ${reason}`;

/** A value read's parts as a ticket line names them: when (UTC), who, what, which version, where. */
const readParts = (r: ValueRead, format: TicketFormat) => ({
  time: utc(r.time),
  who: cell(r.who),
  action: valueReadAction(r.action),
  version: format === 'markdown' ? `\`${cell(r.version)}\`` : r.version,
  instance: r.instance,
  request: r.request_id ?? '—',
});

/** A titled list: "Title:" and indented lines, or a bold title and a Markdown list. */
function section(title: string, lines: string[], format: TicketFormat): string[] {
  return format === 'markdown'
    ? [`**${title}**`, '', ...lines.map((line) => `- ${line}`), '']
    : [`${title}:`, ...lines.map((line) => `  ${line}`)];
}

const SEVERITY = { critical: msg`CRITICAL`, high: msg`HIGH`, medium: msg`MEDIUM`, low: msg`LOW` } satisfies Record<Severity, unknown>;

/** A flag as one line of a ticket: its severity, what it is and when (UTC). */
export function flagText(flag: Flag, format: TicketFormat): string {
  const code = (s: string) => (format === 'markdown' ? `\`${cell(s)}\`` : s);
  const severity = i18n._(SEVERITY[flag.severity]);
  const when = 'at' in flag ? utc(flag.at) : '—';
  switch (flag.kind) {
    case 'rotation-failed': {
      const attempts = flag.attempts ?? 1;
      const error = [flag.errorCode, flag.errorMessage].filter(Boolean).join(' ');
      const tried = plural(attempts, { one: '# attempt', other: '# attempts' });
      return error
        ? t`${severity} The last rotation failed ${when}, after ${tried}: ${error}`
        : t`${severity} The last rotation failed ${when}, after ${tried}.`;
    }
    case 'rotation-overdue':
      return t`${severity} The automatic rotation is overdue: it was due ${when}.`;
    case 'rotation-due':
      return t`${severity} The next automatic rotation is due ${when}.`;
    case 'version-expired':
    case 'version-expiring': {
      const version = code(flag.versionId);
      const stages = flag.stages.map(code).join(', ');
      return flag.kind === 'version-expired'
        ? t`${severity} Version ${version}, holding ${stages}, expired ${when}.`
        : t`${severity} Version ${version}, holding ${stages}, expires ${when}.`;
    }
    case 'pending-deletion':
      return flag.at === undefined
        ? t`${severity} Scheduled for deletion.`
        : t`${severity} To be deleted ${when}; until then it can be restored.`;
    case 'disabled':
      return t`${severity} Disabled: no value can be read until it is enabled.`;
    case 'frozen':
      return t`${severity} Frozen: no value can be read until it is unfrozen.`;
    case 'versions-near-limit': {
      const count = flag.count;
      const limit = LIMITS.versionsPerSecret;
      return t`${severity} ${count} of the ${limit} versions a secret can have.`;
    }
    case 'key-not-enabled': {
      const alias = code(flag.keyAlias);
      return flag.keyState === '4'
        ? t`${severity} Its KMS key ${alias} is pending deletion: no value can be read.`
        : flag.keyState === '3'
          ? t`${severity} Its KMS key ${alias} is disabled: no value can be read.`
          : t`${severity} Its KMS key ${alias} is not enabled: no value can be read.`;
    }
  }
}

/** The summary's story: health, the newest stage moves, the newest value reads, a point in time. */
function storySections(input: SummaryInput, format: TicketFormat): string[] {
  const code = (s: string) => (format === 'markdown' ? `\`${cell(s)}\`` : s);
  const out: string[] = [];
  if (input.health) {
    const flags = input.health.flags.map((flag) => flagText(flag, format));
    const lines = [...flags, ...input.health.unknown];
    out.push(...section(t`Health`, lines.length ? lines : [t`Nothing needs attention.`], format));
  }
  if (input.stageMoves) {
    const moves = input.stageMoves;
    const lines =
      'unknown' in moves
        ? [unknownLine(moves.unknown)]
        : moves.moves.length
          ? moves.moves.map((m) => {
              const time = utc(m.time);
              const stage = code(m.stage);
              // A deleted stage goes nowhere; a place the records do not give is unknown, not "none".
              const to = m.to === null ? t`(deleted)` : code(m.to);
              const from = m.from === undefined ? t`(unknown)` : m.from === null ? '—' : code(m.from);
              const who = m.user ? cell(m.user) : '—';
              const operation = m.operation;
              const request = m.request_id ?? '—';
              return t`${time} ${stage} ${from} → ${to} by ${who} (${operation}, request ${request})`;
            })
          : [t`None in the records.`];
    if (!('unknown' in moves) && moves.partial) lines.push(t`Partial: older traces were not read.`);
    const count = TICKET_ROWS;
    out.push(...section(t`Stage moves (newest ${count})`, lines, format));
  }
  if (input.valueReads) {
    const reads = input.valueReads;
    const count = TICKET_ROWS;
    const lines =
      'unknown' in reads
        ? [unknownLine(reads.unknown)]
        : [
            ...(reads.reads.length
              ? reads.reads.slice(0, count).map((r) => {
                  const { time, who, action, version, instance, request } = readParts(r, format);
                  return t`${time} ${who} ${action} ${version} (instance ${instance}, request ${request})`;
                })
              : [t`None recorded.`]),
            (() => {
              const since = utc(reads.since);
              return t`Recorded by this console since ${since}; its signed audit log is the authority.`;
            })(),
          ];
    out.push(...section(t`Value reads (newest ${count})`, lines, format));
  }
  if (input.pointInTime?.length) out.push(...section(t`Point in time`, input.pointInTime, format));
  return out;
}

/** A stage page's point-in-time answer for a ticket: what the stage pointed at (or why that is
 * unknown), then the evidence: the move at or before the time and the one after it. */
export function pointInTimeLines(answer: StageAt, stageName: string, at: number, history: StageHistory): string[] {
  const time = utc(at);
  const stage = stageName;
  const version = answer.known ? (answer.version_id === null ? t`no version` : answer.version_id) : '';
  const recordsFrom = utc(history.recordsFrom);
  const verdict = answer.known
    ? answer.future
      ? t`${time} is still to come: ${stage} points at ${version} now.`
      : answer.beforeSecret
        ? t`On ${time}, the secret did not exist yet.`
        : t`On ${time}, ${stage} pointed at ${version}.`
    : answer.reason === 'before-records'
      ? t`Unknown: ${time} is before CTS's records begin (${recordsFrom}; CTS keeps 7 days).`
      : answer.reason === 'partial'
        ? t`Unknown: the stage history is partial; the calls read begin ${recordsFrom}.`
        : answer.reason === 'gap'
          ? t`Unknown: a call moved stages its trace does not say.`
          : t`Unknown: where ${stage} was before its next move is not in CTS's records.`;
  const evidence = (label: 'before' | 'after', m: StageMove | undefined) => {
    if (!m) return [];
    const when = utc(m.time);
    const to = m.to === null ? t`(deleted)` : m.to;
    const operation = m.operation;
    const who = m.user ?? '—';
    return [
      label === 'before'
        ? t`Move before: ${when} → ${to} (${operation} by ${who})`
        : t`Move after: ${when} → ${to} (${operation} by ${who})`,
    ];
  };
  const since = answer.known ? answer.since : undefined;
  const until = answer.known && answer.future ? undefined : answer.until;
  return [verdict, ...evidence('before', since), ...evidence('after', until)];
}

export interface ChangeFeedInput {
  project: { id: string; name: string; region: string };
  window: { from: number; to: number };
  /** The changes and value reads, by secret (groupBySecret). */
  groups: SecretChanges[];
  /** False: CTS had more changes in the window than the console reads at once (the newest are here). */
  complete: boolean;
  /** What the index said of the window's value reads, or why they are unknown. */
  valueReads: Omit<ProjectValueReads, 'reads'> | { unknown: string };
  url: string;
}

/** A project's change feed for a ticket: the window in UTC, what is missing from it and why, then
 * each secret's changes and value reads, newest first. */
export function changeFeedText(input: ChangeFeedInput, format: TicketFormat): string {
  const md = format === 'markdown';
  const code = (s: string) => (md ? `\`${cell(s)}\`` : s);
  const { project, groups, valueReads } = input;
  const name = project.name;
  const id = code(project.id);
  const region = code(project.region);
  const from = utc(input.window.from);
  const to = utc(input.window.to);
  const changes = groups.reduce((n, g) => n + g.traces.length, 0);
  const reads = groups.reduce((n, g) => n + g.reads.length, 0);
  const changed = groups.filter((g) => g.traces.length > 0).length;
  const head = [
    t`Changes to the secrets of project ${name} (${id}), region ${region}`,
    t`Window: ${from} to ${to} (CTS keeps 7 days)`,
    input.complete
      ? `${plural(changes, { one: '# change', other: '# changes' })} · ${plural(changed, { one: '# secret', other: '# secrets' })}`
      : t`Partial: the latest ${changes} changes only, more than the console reads at once; earlier ones in the window are not listed.`,
  ];
  const notes: string[] = [];
  if ('unknown' in valueReads) {
    const why = unknownLine(valueReads.unknown);
    notes.push(t`Value reads: ${why}`);
  } else {
    notes.push(
      valueReads.scope === 'shared'
        ? t`Value reads: ${reads} through any instance of this console; its signed audit log is the authority.`
        : t`Value reads: ${reads} through this console instance; its signed audit log is the authority.`,
    );
    const since = utc(valueReads.since);
    if (valueReads.since > input.window.from)
      notes.push(t`The index has recorded reads since ${since}: earlier ones are in the audit log only.`);
    const kept = valueReads.kept;
    if (valueReads.cut === 'page') notes.push(t`Partial: the newest ${reads} value reads of the window only, as many as one answer holds.`);
    if (valueReads.cut === 'kept')
      notes.push(
        t`Partial: the index keeps the newest ${kept} value reads of a project; earlier reads in this window are in the audit log only.`,
      );
  }
  const secretLines = (g: SecretChanges) =>
    [
      ...g.traces.map((trace) => {
        const time = utc(trace.time);
        const operation = code(trace.trace_name);
        const who = cell(trace.user?.user_name ?? trace.user?.name ?? '—');
        const result = trace.code ?? '—';
        const request = trace.request_id ?? '—';
        return { time: trace.time, line: t`${time} ${operation} by ${who} (${result}, request ${request})` };
      }),
      ...g.reads.map((r) => {
        const { time, who, action, version, instance, request } = readParts(r, format);
        return { time: r.time, line: t`${time} value read: ${who} ${action} ${version} (instance ${instance}, request ${request})` };
      }),
    ]
      .sort((a, b) => b.time - a.time)
      .map((entry) => entry.line);
  const body = groups.length
    ? groups.flatMap((g) => section(md ? code(g.secretName) : g.secretName, secretLines(g), format))
    : [t`No secret of this project changed in that window.`];
  return [
    ...(md ? [`**${head[0]}**`, '', ...head.slice(1).map((l) => `- ${l}`), ...notes.map((l) => `- ${l}`), ''] : [...head, ...notes]),
    ...body,
    md ? `<${input.url}>` : input.url,
  ].join('\n');
}

/** A compare's result for a ticket: the verdict, each side's version, fingerprint and shape, and
 * key by key what changed. The result holds no value, so the text cannot. */
export function compareText(result: CompareResult, url: string, format: TicketFormat): string {
  const md = format === 'markdown';
  const code = (s: string) => (md ? `\`${cell(s)}\`` : s);
  const verdict =
    result.equal === null
      ? t`Not compared: a side could not be read.`
      : result.equal
        ? t`Same value: A and B are equal.`
        : t`Different values: A and B are not equal.`;
  const side = (name: string, s: CompareSide): string[] => {
    const ref = code(`${s.ref.project_id}/${s.ref.secret_name}/${s.ref.ref}`);
    if (!s.ok) {
      const status = s.status;
      const request = s.request_id ?? '—';
      const { code: errorCode, message, permission } = s;
      const failed = t`could not be read (HTTP ${status}): ${errorCode} ${message} (request ${request})`;
      return section(`${name} ${ref}`, [failed, ...(permission ? [t`Needs the IAM permission ${permission}.`] : [])], format);
    }
    const version = code(s.version_id);
    const stages = s.version_stages.length ? ` [${s.version_stages.map(code).join(', ')}]` : '';
    const created = utc(s.create_time);
    const fingerprint = code(s.fingerprint);
    const shape =
      s.kind === 'json'
        ? plural(s.keys.length, { one: 'JSON object, # key', other: 'JSON object, # keys' })
        : s.kind === 'text'
          ? plural(s.lines, { one: 'Text, # line', other: 'Text, # lines' })
          : plural(s.size, { one: 'Binary, # byte', other: 'Binary, # bytes' });
    return section(`${name} ${ref}`, [t`Version ${version}${stages}, created ${created}`, t`Fingerprint ${fingerprint}`, shape], format);
  };
  const changes = (result.keys ?? []).map((k) => {
    const key = code(k.path.join('.'));
    const types = `${k.a ?? '—'} → ${k.b ?? '—'}`;
    const change = i18n._(KEY_CHANGES[k.change]);
    return `${key}: ${change} (${types})`;
  });
  const head = md ? `**${verdict}**` : verdict;
  const note = t`Fingerprints are keyed by this console and are comparable only within it.`;
  return [
    head,
    ...(md ? [''] : []),
    ...side('A', result.a),
    ...side('B', result.b),
    ...(changes.length ? section(t`Keys`, changes, format) : []),
    note,
    md ? `<${url}>` : url,
  ].join('\n');
}

const KEY_CHANGES = {
  equal: msg`equal`,
  changed: msg`changed`,
  added: msg`added (only in B)`,
  removed: msg`removed (only in A)`,
} as const;

export interface ErrorDetails {
  code: string;
  message: string;
  status: number;
  requestId?: string;
}

/** An error as a ticket wants it: code, message, request id, when (UTC) and where. */
export function errorDetails(error: ErrorDetails, url: string, now: number): string {
  const { code, message } = error;
  const requestId = error.requestId ?? '—';
  const time = formatUtc(now);
  return [
    t`Code: ${code}`,
    t`Message: ${message}`,
    `HTTP: ${error.status || '—'}`,
    t`Request id: ${requestId}`,
    t`Time: ${time}`,
    t`Page: ${url}`,
  ].join('\n');
}
