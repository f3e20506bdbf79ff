// CSMS timestamps are documented as seconds but the live service sends milliseconds (every example
// in Huawei's docs has 13 digits, and Huawei's Terraform provider divides them by 1000):
// a value below 1e11 (a date before 1973 if it were milliseconds) is taken as seconds.
import { cachedFormatter } from './locale.ts';
import type { TimeZoneChoice } from './time-zone.ts';

export function toMillis(timestamp: number): number {
  return timestamp < 1e11 ? timestamp * 1000 : timestamp;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const dateTime = cachedFormatter(
  (locale, zone: TimeZoneChoice) => new Intl.DateTimeFormat(locale, zone === 'utc' ? { ...DATE_TIME, timeZone: 'UTC' } : DATE_TIME),
);
const relative = cachedFormatter((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const unit = cachedFormatter(
  (locale, name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }),
);
const unitList = cachedFormatter((locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400_000],
  ['month', 30 * 86400_000],
  ['week', 7 * 86400_000],
  ['day', 86400_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 days ago", "in 5 hours", "3天前": in the page's language. */
export function formatRelative(ms: number, now = Date.now()): string {
  const diff = ms - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return relative().format(Math.round(diff / size), unit);
  }
  return '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone of a time as Huawei Cloud's console writes it: "GMT+08:00" (the offset at that instant), or "UTC". */
export function zoneLabel(ms: number, zone: TimeZoneChoice): string {
  if (zone === 'utc') return 'UTC';
  const east = -new Date(ms).getTimezoneOffset();
  return `GMT${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

/**
 * "Nov 22, 2026, 17:04 GMT+08:00", "2026年11月22日 17:04 GMT+08:00", or "… 09:04 UTC": a time never goes
 * without its zone, written as Huawei Cloud's console writes it in both languages.
 */
export function formatDateTime(ms: number, zone: TimeZoneChoice): string {
  return `${dateTime(zone).format(ms)} ${zoneLabel(ms, zone)}`;
}

/** "2026-11-22 09:04:07 UTC": exact, for a tooltip. */
export function formatUtc(ms: number): string {
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}

/** Whole days and hours until `ms`, for a countdown: "4d 23h", "4天23小时"; under a day, hours and minutes. */
export function formatCountdown(ms: number, now = Date.now()): string {
  const left = Math.max(0, ms - now);
  const days = Math.floor(left / 86400_000);
  const hours = Math.floor((left % 86400_000) / 3600_000);
  const minutes = Math.floor((left % 3600_000) / 60_000);
  const parts =
    days > 0 ? [unit('day').format(days), unit('hour').format(hours)] : [unit('hour').format(hours), unit('minute').format(minutes)];
  return unitList().format(parts);
}
