import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3600_000;

describe('relativeTime', () => {
  it('says the largest unit the time spans, rounded', () => {
    expect(relativeTime(NOW + 5 * 24 * HOUR - 60_000, NOW, 'en')).toBe('in 5 days');
    expect(relativeTime(NOW - 3 * HOUR, NOW, 'en')).toBe('3 hours ago');
    expect(relativeTime(NOW + 20_000, NOW, 'en')).toBe('this minute');
  });
  it('speaks the page language', () => {
    expect(relativeTime(NOW + 5 * 24 * HOUR, NOW, 'zh-CN')).toBe('5天后');
    expect(relativeTime(NOW - 3 * HOUR, NOW, 'zh-CN')).toBe('3小时前');
  });
});
