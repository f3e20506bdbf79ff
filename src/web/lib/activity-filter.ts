// The Activity filters as the address keeps them, so a link shows the same rows to whoever opens
// it: `op`, `user`, `reads=1` (show reads), `own=1` (with reads, the console's own too), and a window:
// `around=<UTC time>&span=1h|1d`, or `from=&to=` (UTC, "2026-12-05T13:00Z").
import type { ActivityFilter, TraceWindow } from '../api/activity.ts';
import { fromAddressText } from './date-time-input.ts';

const HOUR = 3600_000;
export const SPANS = { '1h': HOUR, '1d': 24 * HOUR } as const;
export type Span = keyof typeof SPANS;
const isSpan = (s: string | null): s is Span => s !== null && s in SPANS;

/** The CSMS operations on a secret that CTS records (CSMS's own names). */
export const SECRET_OPERATIONS = [
  'CreateSecret',
  'ShowSecret',
  'UpdateSecret',
  'DeleteSecret',
  'DeleteSecretForSchedule',
  'RestoreSecret',
  'RotateSecret',
  'ListSecretVersions',
  'CreateSecretVersion',
  'ShowSecretVersion',
  'UpdateSecretVersion',
  'ShowSecretStage',
  'UpdateSecretStage',
  'DeleteSecretStage',
  'ListSecretTags',
  'CreateSecretTag',
  'DeleteSecretTag',
] as const;

/** CTS's rule for the user filter. */
export const USER_PATTERN = /^[\p{L}\p{N} ._@-]{1,64}$/u;

/** A time parameter of the address that is not a time: its name and text. */
export interface TimeParamProblem {
  param: string;
  value: string;
  reason: 'not-a-time' | 'not-after-from';
}

/** A window from the address: `around` ± span, or `from`–`to`; a problem when a time is unreadable. */
export function windowOf(search: URLSearchParams): { window?: TraceWindow; span?: Span; problem?: TimeParamProblem } {
  for (const param of ['around', 'from', 'to']) {
    const value = search.get(param);
    if (value !== null && fromAddressText(value) === undefined) return { problem: { param, value, reason: 'not-a-time' } };
  }
  const around = fromAddressText(search.get('around'));
  if (around !== undefined) {
    const spanText = search.get('span');
    const span = isSpan(spanText) ? spanText : '1h';
    return { window: { from: around - SPANS[span], to: around + SPANS[span] }, span };
  }
  const [from, to] = [fromAddressText(search.get('from')), fromAddressText(search.get('to'))];
  if (from !== undefined && to !== undefined)
    return from < to ? { window: { from, to } } : { problem: { param: 'to', value: search.get('to')!, reason: 'not-after-from' } };
  return {};
}

export function activityFilterOf(search: URLSearchParams): { filter: ActivityFilter; span?: Span; problem?: TimeParamProblem } {
  const operation = search.get('op') ?? undefined;
  const user = search.get('user') ?? undefined;
  const { window, span, problem } = windowOf(search);
  return {
    filter: {
      operation: operation && (SECRET_OPERATIONS as readonly string[]).includes(operation) ? operation : undefined,
      user: user && USER_PATTERN.test(user) ? user : undefined,
      reads: search.get('reads') === '1',
      own: search.get('own') === '1',
      ...(window && { window }),
    },
    span,
    problem,
  };
}
