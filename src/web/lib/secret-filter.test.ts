import { describe, expect, it } from 'vitest';
import type { Secret } from '../../shared/schemas.ts';
import { enterOutcome, filterSecrets, MAX_CHOICES, sameButCase } from './secret-filter.ts';

const secret = (name: string, description = ''): Secret => ({ id: name, name, state: 'ENABLED', description });
const secrets = [secret('smtp-relay', 'Mail relay'), secret('jwt-signing-key'), secret('prod-a'), secret('prod-b'), secret('Prod-C')];

describe('filterSecrets', () => {
  it('matches names and descriptions in any case', () => {
    expect(filterSecrets(secrets, 'MAIL').map((s) => s.name)).toEqual(['smtp-relay']);
    expect(filterSecrets(secrets, 'prod')).toHaveLength(3);
    expect(filterSecrets(secrets, '  ')).toHaveLength(5);
  });
});

describe('enterOutcome', () => {
  it('opens the exact name, even among several matches', () => {
    expect(enterOutcome('prod-a', secrets, true)).toEqual({ kind: 'open', name: 'prod-a' });
  });
  it('never opens a partial name, even the only match: it offers it', () => {
    expect(enterOutcome('smtp', secrets, true)).toEqual({ kind: 'choose', names: ['smtp-relay'], count: 1 });
  });
  it('offers a name that differs only in case, rather than opening it', () => {
    expect(enterOutcome('JWT-Signing-Key', secrets, true)).toMatchObject({ kind: 'choose', caseVariant: 'jwt-signing-key' });
    expect(enterOutcome('prod-c', secrets, true)).toMatchObject({ kind: 'choose', caseVariant: 'Prod-C' });
  });
  it('lists the first few of several matches, and how many', () => {
    const many = Array.from({ length: MAX_CHOICES + 2 }, (_, i) => secret(`prod-${i}`));
    expect(enterOutcome('prod', many, true)).toEqual({ kind: 'choose', names: many.slice(0, MAX_CHOICES).map((s) => s.name), count: 7 });
  });
  it('chooses among the secrets the list shows, when it gives them', () => {
    const prod = secrets.filter((s) => s.name.startsWith('prod'));
    expect(enterOutcome('prod', secrets, true, prod.slice(0, 1))).toEqual({ kind: 'choose', names: [prod[0]!.name], count: 1 });
    expect(enterOutcome('mail', secrets, true, [])).toEqual({ kind: 'ask', name: 'mail' });
  });
  it('asks CSMS when nothing matches or the list is not complete', () => {
    expect(enterOutcome('nothing', secrets, true)).toEqual({ kind: 'ask', name: 'nothing' });
    expect(enterOutcome('smtp', secrets, false)).toEqual({ kind: 'ask', name: 'smtp' });
  });
});

describe('sameButCase', () => {
  it('finds another spelling of the same letters only', () => {
    expect(sameButCase('abc', ['ABC', 'abd'])).toBe('ABC');
    expect(sameButCase('abc', ['abc'])).toBeUndefined();
  });
});
