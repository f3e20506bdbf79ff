import { describe, expect, it } from 'vitest';
import { matchText, rankItems } from './rank.ts';

const names = (query: string, items: string[]) => rankItems(query, items, (s) => s).map((r) => r.item);

describe('ranking', () => {
  it('puts the exact name first, then names that start with the query, then fuzzy matches', () => {
    expect(names('db', ['prod-db-main', 'dbx', 'db', 'dashboard', 'db-orders'])).toEqual([
      'db',
      'dbx',
      'db-orders',
      'prod-db-main',
      'dashboard',
    ]);
  });

  it('ignores case, and matches nothing for an empty query', () => {
    expect(matchText('JWT', 'jwt-signing-key')?.tier).toBe('prefix');
    expect(matchText('Jwt-Signing-Key', 'jwt-signing-key')?.tier).toBe('exact');
    expect(matchText('  ', 'anything')).toBeNull();
    expect(names('', ['a', 'b'])).toEqual([]);
  });

  it('finds the letters in order, across words', () => {
    expect(matchText('pmo', 'prod-mysql-orders')).toMatchObject({ tier: 'fuzzy', positions: [0, 5, 11] });
    expect(matchText('omp', 'prod-mysql-orders')).toBeNull();
    expect(names('pmo', ['prod-mysql-orders', 'opm', 'payments-api-mongo'])).toEqual(['prod-mysql-orders', 'payments-api-mongo']);
  });

  it('prefers a run of letters, and a run that starts a word, to scattered letters', () => {
    expect(names('key', ['k-e-y-thing', 'jwt-signing-key', 'monkeys'])).toEqual(['jwt-signing-key', 'monkeys', 'k-e-y-thing']);
    expect(names('pmo', ['pxmxo', 'prod-mysql-orders'])).toEqual(['prod-mysql-orders', 'pxmxo']);
  });

  it('falls back to the first places when jumping to a word start would lose a letter', () => {
    expect(matchText('ab', 'xaxb-a')).toMatchObject({ tier: 'fuzzy', positions: [1, 3] });
  });

  it('breaks ties by the shorter text, then alphabetically', () => {
    expect(names('api', ['api-key-b', 'api-key-a', 'api-k'])).toEqual(['api-k', 'api-key-a', 'api-key-b']);
  });
});
