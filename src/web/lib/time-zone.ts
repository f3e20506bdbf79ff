// Whether times are shown in the browser's zone or in UTC: a display preference (never a value),
// kept in localStorage like the theme and shared by every tab.
import { useSyncExternalStore } from 'react';

export type TimeZoneChoice = 'local' | 'utc';
const KEY = 'csms-console:time-zone';
const listeners = new Set<() => void>();

const storedTimeZone = (): TimeZoneChoice => (localStorage.getItem(KEY) === 'utc' ? 'utc' : 'local');

export function chooseTimeZone(choice: TimeZoneChoice) {
  if (choice === 'utc') localStorage.setItem(KEY, 'utc');
  else localStorage.removeItem(KEY);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  // Another tab changed it.
  const onStorage = (e: StorageEvent) => e.key === KEY && notify();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

export const useTimeZone = () => useSyncExternalStore(subscribe, storedTimeZone);
