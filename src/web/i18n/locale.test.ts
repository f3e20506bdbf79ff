import { describe, expect, it } from 'vitest';
import { detectLocale, localeOf } from './locale.ts';

describe('the language', () => {
  it('comes from ?lang= first, then the stored choice, then the browser', () => {
    expect(detectLocale('?lang=zh-CN', 'en', ['en-US'])).toBe('zh-CN');
    expect(detectLocale('?lang=en', 'zh-CN', ['zh-CN'])).toBe('en');
    expect(detectLocale('', 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLocale('', null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale('', null, ['en-GB', 'zh-CN'])).toBe('en');
  });

  it('is English when nothing names a language the console has', () => {
    expect(detectLocale('?lang=xx', 'de', ['fr-FR', 'ja'])).toBe('en');
    expect(localeOf('ZH-hans-CN')).toBe('zh-CN');
    expect(localeOf('english')).toBeNull();
  });
});
