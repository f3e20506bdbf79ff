// A `datetime-local` field's text ("2026-11-20T23:00") read in the zone the person chose (the
// browser's or UTC), and back. The address keeps the instant in UTC ("2026-11-20T23:00Z"), so a
// link means the same moment to whoever opens it.
import type { TimeZoneChoice } from './time-zone.ts';

const FIELD = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The instant a field's text names, or undefined when it is not a date and time. */
export function fromFieldText(text: string, zone: TimeZoneChoice): number | undefined {
  const m = FIELD.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = zone === 'utc' ? Date.UTC(year, month - 1, day, hour, minute) : new Date(year, month - 1, day, hour, minute).getTime();
  const back = new Date(ms);
  // 2026-02-31 rolls over to March: not a date.
  const [y, mo, d] =
    zone === 'utc' ? [back.getUTCFullYear(), back.getUTCMonth(), back.getUTCDate()] : [back.getFullYear(), back.getMonth(), back.getDate()];
  return y === year && mo === month - 1 && d === day ? ms : undefined;
}

export function toFieldText(ms: number, zone: TimeZoneChoice): string {
  const d = new Date(ms);
  return zone === 'utc'
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The address's form: "2026-11-20T23:00Z". */
export const toAddressText = (ms: number) => `${toFieldText(ms, 'utc')}Z`;
export const fromAddressText = (text: string | null) => (text && text.endsWith('Z') ? fromFieldText(text.slice(0, -1), 'utc') : undefined);
