import { describe, expect, it } from 'vitest';
import type { Flag } from '../../shared/health.ts';
import { urgencyOf } from './list-health.tsx';
import type { Secret } from '../../shared/schemas.ts';
import { parseSort, sortedBy, sortParam, type ListSort } from './list-sort.ts';

const sortSecrets = (secrets: Secret[], sort: ListSort) => sortedBy(secrets, (s) => ({ secret: s }), sort);

const secret = (name: string, state: string, update_time = 0): Secret => ({ id: name, name, state, update_time });

describe('the order in the address', () => {
  it('reads and writes ?sort=', () => {
    expect(parseSort(null)).toEqual({ key: 'name', ascending: true });
    expect(parseSort('state')).toEqual({ key: 'state', ascending: true });
    expect(parseSort('-updated')).toEqual({ key: 'updated', ascending: false });
    expect(parseSort('nonsense')).toEqual({ key: 'name', ascending: true });
    expect(sortParam({ key: 'name', ascending: true })).toBeNull();
    expect(sortParam({ key: 'name', ascending: false })).toBe('-name');
    expect(sortParam({ key: 'updated', ascending: false })).toBe('-updated');
  });
});

describe('sortedBy', () => {
  const list = () => [
    secret('b-on', 'ENABLED', 3),
    secret('a-off', 'DISABLED', 1),
    secret('c-going', 'PENDING_DELETE', 2),
    secret('d-cold', 'FROZEN', 4),
    secret('a-on', 'ENABLED', 5),
    secret('e-new', 'SOMETHING_NEW', 6),
  ];
  it('orders states by severity, the worst first, then by name', () => {
    expect(sortSecrets(list(), { key: 'state', ascending: true }).map((s) => s.name)).toEqual([
      'c-going',
      'd-cold',
      'a-off',
      'e-new',
      'a-on',
      'b-on',
    ]);
    expect(
      sortSecrets(list(), { key: 'state', ascending: false })
        .map((s) => s.name)
        .slice(0, 2),
    ).toEqual(['a-on', 'b-on']);
  });
  it('orders by time', () => {
    expect(sortSecrets(list(), { key: 'updated', ascending: false })[0]!.name).toBe('e-new');
  });
});

describe('by attention', () => {
  // A row's place is its most urgent flag's (list-health.ts gives the flags most urgent first).
  const row = (name: string, flags: Flag[]) => ({ secret: secret(name, 'ENABLED'), attention: flags[0] && urgencyOf(flags[0]) });
  const rows = [
    row('a-fine', []),
    row('b-due-later', [{ kind: 'rotation-due', severity: 'low', at: 2000 }]),
    row('c-failed', [{ kind: 'rotation-failed', severity: 'critical', at: 5000 }]),
    row('d-due-sooner', [{ kind: 'rotation-due', severity: 'low', at: 1000 }]),
  ];
  it('puts the most urgent first, the soonest among equals, secrets with nothing last', () => {
    const names = (ascending: boolean) => sortedBy(rows, (r) => r, { key: 'attention', ascending }).map((r) => r.secret.name);
    expect(names(true)).toEqual(['c-failed', 'd-due-sooner', 'b-due-later', 'a-fine']);
    expect(names(false)).toEqual(['a-fine', 'b-due-later', 'd-due-sooner', 'c-failed']);
  });
});
