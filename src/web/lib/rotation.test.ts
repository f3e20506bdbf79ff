import { describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { formatRotationPeriod, rotationOverdueBy } from './rotation.ts';

const now = Date.UTC(2026, 10, 22, 12);
const DAY = 86400_000;

describe('rotationOverdueBy', () => {
  const rotating = { state: 'ENABLED', auto_rotation: true, next_rotation_time: now - 65 * DAY };
  it('is the time since the next rotation was due', () => {
    expect(rotationOverdueBy(rotating, now)).toBe(65 * DAY);
    expect(rotationOverdueBy({ ...rotating, next_rotation_time: Math.floor((now - DAY) / 1000) }, now)).toBe(DAY);
  });
  it('is nothing when not late, not rotating, or not enabled', () => {
    expect(rotationOverdueBy({ ...rotating, next_rotation_time: now + DAY }, now)).toBeUndefined();
    expect(rotationOverdueBy({ ...rotating, auto_rotation: false }, now)).toBeUndefined();
    expect(rotationOverdueBy({ ...rotating, next_rotation_time: undefined }, now)).toBeUndefined();
    expect(rotationOverdueBy({ ...rotating, state: 'DISABLED' }, now)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('says the period in words', () => {
    expect(formatRotationPeriod('30d')).toBe('Every 30 days');
    expect(formatRotationPeriod('1d')).toBe('Every day');
    expect(formatRotationPeriod('6h')).toBe('Every 6 hours');
    expect(formatRotationPeriod('2w')).toBe('Every 2w');
  });
  it('says it in Chinese too', async () => {
    const { messages } = await import('../locales/zh-CN.po');
    i18n.loadAndActivate({ locale: 'zh-CN', messages });
    try {
      expect(formatRotationPeriod('30d')).toBe('每 30 天');
      expect(formatRotationPeriod('1d')).toBe('每天');
      expect(formatRotationPeriod('6h')).toBe('每 6 小时');
    } finally {
      i18n.activate('en');
    }
  });
});
