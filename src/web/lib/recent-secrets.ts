// The secrets this person opened lately, newest first, for the command palette's empty box: a
// preference kept in this browser (project id and secret name only, never a value), cleared on
// request.
import { useSyncExternalStore } from 'react';

export interface RecentSecret {
  projectId: string;
  name: string;
}

const KEY = 'csms-console:recent-secrets';
export const MAX_RECENT = 8;
const listeners = new Set<() => void>();
let cachedText: string | null = null;
let cached: readonly RecentSecret[] = [];

const isRecent = (value: unknown): value is RecentSecret =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RecentSecret).projectId === 'string' &&
  typeof (value as RecentSecret).name === 'string';

function read(): readonly RecentSecret[] {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return cached;
  }
  if (text === cachedText) return cached;
  cachedText = text;
  try {
    const parsed: unknown = text ? JSON.parse(text) : [];
    cached = Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : [];
  } catch {
    cached = [];
  }
  return cached;
}

function write(list: readonly RecentSecret[]) {
  try {
    if (list.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // A browser that refuses storage simply has no recent secrets.
  }
  listeners.forEach((notify) => notify());
}

/** Puts a secret first, once. */
export function rememberSecret(secret: RecentSecret) {
  const others = read().filter((s) => s.projectId !== secret.projectId || s.name !== secret.name);
  write([{ projectId: secret.projectId, name: secret.name }, ...others].slice(0, MAX_RECENT));
}

export const clearRecentSecrets = () => write([]);

export const useRecentSecrets = () =>
  useSyncExternalStore((notify) => {
    listeners.add(notify);
    return () => listeners.delete(notify);
  }, read);
