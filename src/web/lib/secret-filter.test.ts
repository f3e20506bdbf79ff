import { describe, expect, it } from 'vitest';
import type { Secret } from '../../csms/schemas.ts';
import { enterOutcome, filterSecrets, sameButCase } from './secret-filter.ts';

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
  it('opens the only match of a partial name', () => {
    expect(enterOutcome('smtp', secrets, true)).toEqual({ kind: 'open', name: 'smtp-relay' });
  });
  it('offers a name that differs only in case, rather than opening it', () => {
    expect(enterOutcome('JWT-Signing-Key', secrets, true)).toEqual({ kind: 'did-you-mean', name: 'jwt-signing-key' });
    expect(enterOutcome('prod-c', secrets, true)).toEqual({ kind: 'did-you-mean', name: 'Prod-C' });
  });
  it('says how many match when several do', () => {
    expect(enterOutcome('prod', secrets, true)).toEqual({ kind: 'many', count: 3 });
  });
  it('chooses among the secrets the list shows, when it gives them', () => {
    const prod = secrets.filter((s) => s.name.startsWith('prod'));
    expect(enterOutcome('prod', secrets, true, prod.slice(0, 1))).toEqual({ kind: 'open', name: prod[0]!.name });
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
