import { describe, expect, it } from 'vitest';
import { nameFix, versionFix } from './address-fix.ts';

describe('versionFix', () => {
  it('reads a bare or capitalised number as vN, and latest in any case', () => {
    expect(versionFix('3')).toBe('v3');
    expect(versionFix('V12')).toBe('v12');
    expect(versionFix('LATEST')).toBe('latest');
  });
  it('drops what a sentence put after a pasted link', () => {
    expect(versionFix('v3.')).toBe('v3');
    expect(versionFix('latest)')).toBe('latest');
  });
  it('guesses nothing else', () => {
    for (const value of ['v1x', 'three', '', 'v', '12345678901']) expect(versionFix(value)).toBeUndefined();
  });
});

describe('nameFix', () => {
  it('drops spaces, quotes, brackets and punctuation around a pasted name', () => {
    expect(nameFix('jwt-signing-key.')).toBe('jwt-signing-key');
    expect(nameFix('jwt-signing-key ')).toBe('jwt-signing-key');
    expect(nameFix('SYSCURRENT)')).toBe('SYSCURRENT');
    expect(nameFix('(SYSCURRENT),')).toBe('SYSCURRENT');
    expect(nameFix('“db-password”')).toBe('db-password');
  });
  it('guesses nothing when the inside is not a name, or nothing was around it', () => {
    for (const value of ['jwt.signing', 'a b.', '...', 'db-password', '']) expect(nameFix(value)).toBeUndefined();
  });
});
