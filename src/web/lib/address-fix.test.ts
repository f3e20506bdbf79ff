import { describe, expect, it } from 'vitest';
import { versionFix } from './address-fix.ts';

describe('versionFix', () => {
  it('reads a bare or capitalised number as vN, and latest in any case', () => {
    expect(versionFix('3')).toBe('v3');
    expect(versionFix('V12')).toBe('v12');
    expect(versionFix('LATEST')).toBe('latest');
  });
  it('guesses nothing else', () => {
    for (const value of ['v1x', 'three', '', 'v', '12345678901']) expect(versionFix(value)).toBeUndefined();
  });
});
