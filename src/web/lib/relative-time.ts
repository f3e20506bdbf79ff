// "in 5 days", "3 hours ago", "5天后": a moment relative to now in the page's language, in the
// largest unit it spans, rounded (4 days 23 hours is "in 5 days").
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86400_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function relativeTime(ms: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = ms - now;
  for (const [unit, size] of UNITS) if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  return format.format(0, 'minute');
}
