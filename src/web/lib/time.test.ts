import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from './locale.ts';
import { formatCountdown, formatDateTime, formatRelative, formatUtc, toMillis, zoneLabel } from './time.ts';

const inLanguage = (locale: string) => i18n.loadAndActivate({ locale, messages: {} });

describe('toMillis', () => {
  it('keeps milliseconds and converts seconds', () => {
    expect(toMillis(1581507580000)).toBe(1581507580000);
    expect(toMillis(1581507580)).toBe(1581507580000);
    expect(toMillis(0)).toBe(0);
    expect(toMillis(99_999_999_999)).toBe(99_999_999_999_000);
    expect(toMillis(100_000_000_000)).toBe(100_000_000_000);
  });
});

describe('formatting', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const at = Date.UTC(2026, 10, 22, 9, 4, 7);
  afterEach(() => inLanguage('en'));

  it('says how long ago or how far ahead', () => {
    expect(formatRelative(now - 3 * 86400_000, now)).toBe('3 days ago');
    expect(formatRelative(now + 5 * 3600_000, now)).toBe('in 5 hours');
    expect(formatRelative(now - 10_000, now)).toBe('10 seconds ago');
    expect(formatRelative(now - 400 * 86400_000, now)).toBe('last year');
  });
  it('writes every time with its zone, in the page language', () => {
    expect(formatDateTime(at, 'utc')).toBe('Nov 22, 2026, 09:04 UTC');
    expect(formatDateTime(at, 'local')).toMatch(/^Nov 2[12], 2026, \d\d:\d\d GMT[+-]\d\d:\d\d$/);
    expect(zoneLabel(at, 'utc')).toBe('UTC');
    expect(zoneLabel(at, 'local')).toMatch(/^GMT[+-]\d\d:[0-5]\d$/);
  });
  it('writes UTC exactly', () => {
    expect(formatUtc(Date.UTC(2026, 10, 22, 9, 4, 7, 514))).toBe('2026-11-22 09:04:07 UTC');
  });
  it('counts down days and hours', () => {
    expect(formatCountdown(now + 4 * 86400_000 + 23 * 3600_000 + 5000, now)).toBe('4d 23h');
    expect(formatCountdown(now + 2 * 3600_000 + 15 * 60_000, now)).toBe('2h 15m');
    expect(formatCountdown(now - 1000, now)).toBe('0h 0m');
  });

  it('follows the interface language, switched at run time, the zone written the same', () => {
    inLanguage('zh-CN');
    expect(formatDateTime(at, 'utc')).toBe('2026年11月22日 09:04 UTC');
    expect(formatDateTime(at, 'local')).toMatch(/^2026年11月2[12]日 \d\d:\d\d GMT[+-]\d\d:\d\d$/);
    expect(formatRelative(now - 3 * 86400_000, now)).toBe('3天前');
    expect(formatRelative(now + 5 * 3600_000, now)).toBe('5小时后');
    expect(formatCountdown(now + 4 * 86400_000 + 23 * 3600_000, now)).toBe('4天23小时');
    expect(formatCountdown(now + 2 * 3600_000 + 15 * 60_000, now)).toBe('2小时15分钟');
    expect(formatNumber(12345)).toBe('12,345');
    inLanguage('en');
    expect(formatDateTime(at, 'utc')).toBe('Nov 22, 2026, 09:04 UTC');
    expect(formatRelative(now - 3 * 86400_000, now)).toBe('3 days ago');
  });
});
