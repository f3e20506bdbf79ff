import { describe, expect, it } from 'vitest';
import { fromAddressText, fromFieldText, toAddressText, toFieldText } from './date-time-input.ts';

describe('date-time fields', () => {
  const t = Date.UTC(2026, 10, 20, 23, 0);
  it('reads and writes UTC', () => {
    expect(fromFieldText('2026-11-20T23:00', 'utc')).toBe(t);
    expect(toFieldText(t, 'utc')).toBe('2026-11-20T23:00');
  });
  it("reads the browser's zone as the browser does", () => {
    expect(fromFieldText('2026-11-20T23:00', 'local')).toBe(new Date(2026, 10, 20, 23, 0).getTime());
    expect(toFieldText(new Date(2026, 10, 20, 23, 0).getTime(), 'local')).toBe('2026-11-20T23:00');
  });
  it('refuses what is not a date and time', () => {
    for (const text of ['', '2026-11-20', '2026-02-31T10:00', 'yesterday', '2026-11-20T23:00:00'])
      expect(fromFieldText(text, 'utc')).toBeUndefined();
  });
  it('keeps the instant in the address in UTC', () => {
    expect(toAddressText(t)).toBe('2026-11-20T23:00Z');
    expect(fromAddressText('2026-11-20T23:00Z')).toBe(t);
    expect(fromAddressText('2026-11-20T23:00')).toBeUndefined();
    expect(fromAddressText(null)).toBeUndefined();
  });
});
