// Text to paste into a support ticket: a secret's summary (plain text or Markdown) and an error's
// details. Built from metadata only: there is no value among the inputs, so none can reach a ticket.
import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { Secret, Tag, VersionMetadata } from '../../csms/schemas.ts';
import { sortStages } from './stages.ts';
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
}

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
  if (!md)
    return [
      `${l.secret}: ${secret.name}`,
      ...fields.map(([k, v]) => `${k}: ${v}`),
      `${l.versions}:`,
      ...(versionLines.length ? versionLines : [`  ${l.none}`]),
      input.url,
    ].join('\n');
  return [
    `**${l.secret}** ${code(secret.name)}`,
    '',
    ...fields.map(([k, v]) => `- **${k}**: ${v}`),
    '',
    `| ${l.versions} | ${l.created} | ${l.expires} | ${l.stages} |`,
    '| --- | --- | --- | --- |',
    ...versionLines,
    '',
    `<${input.url}>`,
  ].join('\n');
}

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
