import { beforeEach, describe, expect, it } from 'vitest';
import { clearRecentSecrets, MAX_RECENT, rememberSecret } from './recent-secrets.ts';

const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  },
});
const kept = () => JSON.parse(store.get('csms-console:recent-secrets') ?? '[]') as unknown;

describe('the secrets opened lately', () => {
  beforeEach(() => store.clear());

  it('are kept newest first, each once, at most a few, names only', () => {
    rememberSecret({ projectId: 'p1', name: 'a' });
    rememberSecret({ projectId: 'p1', name: 'b' });
    rememberSecret({ projectId: 'p2', name: 'a' });
    rememberSecret({ projectId: 'p1', name: 'a', value: 'never kept' } as never);
    expect(kept()).toEqual([
      { projectId: 'p1', name: 'a' },
      { projectId: 'p2', name: 'a' },
      { projectId: 'p1', name: 'b' },
    ]);
    for (let i = 0; i < 20; i++) rememberSecret({ projectId: 'p', name: `s${i}` });
    expect((kept() as unknown[]).length).toBe(MAX_RECENT);
  });

  it('are forgotten on Clear, and a damaged preference is no list at all', () => {
    rememberSecret({ projectId: 'p1', name: 'a' });
    clearRecentSecrets();
    expect(store.has('csms-console:recent-secrets')).toBe(false);
    store.set('csms-console:recent-secrets', '{not json');
    rememberSecret({ projectId: 'p1', name: 'b' });
    expect(kept()).toEqual([{ projectId: 'p1', name: 'b' }]);
  });
});
