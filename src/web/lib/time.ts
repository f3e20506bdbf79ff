// CSMS timestamps are documented as seconds but the live service sends milliseconds (every example
// in Huawei's docs has 13 digits, and Huawei's Terraform provider divides them by 1000):
// a value below 1e11 (a date before 1973 if it were milliseconds) is taken as seconds.
export function toMillis(timestamp: number): number {
  return timestamp < 1e11 ? timestamp * 1000 : timestamp;
}

const local = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400_000],
  ['month', 30 * 86400_000],
  ['week', 7 * 86400_000],
  ['day', 86400_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 days ago", "in 5 hours". */
export function formatRelative(ms: number, now = Date.now()): string {
  const diff = ms - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return relative.format(Math.round(diff / size), unit);
  }
  return '';
}

export function formatLocal(ms: number): string {
  return local.format(ms);
}

/** "2026-11-22 09:04:07 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}

/** Whole days and hours until `ms`, for a countdown such as "4 d 23 h". */
export function formatCountdown(ms: number, now = Date.now()): string {
  const left = Math.max(0, ms - now);
  const days = Math.floor(left / 86400_000);
  const hours = Math.floor((left % 86400_000) / 3600_000);
  const minutes = Math.floor((left % 3600_000) / 60_000);
  return days > 0 ? `${days} d ${hours} h` : `${hours} h ${minutes} min`;
}
