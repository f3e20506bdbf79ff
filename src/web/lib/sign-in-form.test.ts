import { i18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import { requestFrom, safeNext } from './sign-in-form.ts';

const ORIGIN = 'https://console.example.com';
const PAGE = '/projects/0123456789abcdef0123456789abcdef/secrets/db/versions/v1';

describe('the return path after sign-in', () => {
  it('is a page of this app, its query kept', () => {
    expect(safeNext(PAGE, ORIGIN)).toBe(PAGE);
    expect(safeNext('/projects/0123456789abcdef0123456789abcdef/secrets?q=db', ORIGIN)).toBe(
      '/projects/0123456789abcdef0123456789abcdef/secrets?q=db',
    );
  });

  it('is the home page for anything else: another site, a control character, no page, the sign-in page', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/%09/evil',
      '/\t/evil',
      '/%0d%0aSet-Cookie:x',
      '/%E0%A4%A',
      '/sign-in?next=/x',
      '/nowhere',
      '/assets/index.js',
      'javascript:alert(1)',
    ])
      expect(safeNext(next, ORIGIN), String(next)).toBe('/');
  });
});

describe('the form', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it('checks the MFA fields only when the user has a device, and sends them cleaned', () => {
    const fields = { domain: 'acme', user: 'ops', password: 'pw' };
    expect(requestFrom('password', form(fields), false)).toEqual({ request: { method: 'password', ...fields }, problems: {} });
    const { problems } = requestFrom('password', form(fields), true);
    expect(Object.keys(problems)).toEqual(['mfa_user_id', 'mfa_passcode']);
    expect(i18n._(problems.mfa_user_id!)).toContain('32');
    expect(i18n._(problems.mfa_passcode!)).toContain('6-digit');
    const mfa = requestFrom(
      'password',
      form({ ...fields, mfa_user_id: ' 5EC0B5A1D2E34F5A8B9C0D1E2F3A4B5C ', mfa_passcode: '123 456' }),
      true,
    );
    expect(mfa).toEqual({
      request: { method: 'password', ...fields, mfa: { user_id: '5ec0b5a1d2e34f5a8b9c0d1e2f3a4b5c', passcode: '123456' } },
      problems: {},
    });
  });
});
