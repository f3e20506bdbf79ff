// Single-key shortcuts (j, k, r, /, ?…). A page offers its own with useShortcuts; they are in effect
// while it is shown, and `?` lists exactly those. None fires while the person types in a field,
// while a modifier is held (Ctrl/Cmd-K and the browser's own keys stay theirs), or while a modal
// dialog is open. Each shortcut has a visible equivalent on the page: the key is only faster.
// A page's keys load after it is drawn: a key pressed before they are here is not lost, but run by
// the first shortcut registered for it within a moment.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface Shortcut {
  /** KeyboardEvent.key values: 'j', 'ArrowDown', '/', '['. */
  keys: readonly string[];
  /** What it does, in the page's language: shown by the `?` list. */
  label: string;
  run: () => void;
  /** Off for now (e.g. "hide" while nothing is revealed): not listed, not run. */
  disabled?: boolean;
}

const registered = new Map<symbol, () => readonly Shortcut[]>();
const listeners = new Set<() => void>();
let snapshot: readonly Shortcut[] = [];
let signature = '';

/** Tells the `?` list, when what it shows (keys, labels) changed: a new handler alone is not news. */
function changed() {
  const next = [...registered.values()].flatMap((get) => get().filter((s) => !s.disabled));
  const nextSignature = JSON.stringify(next.map((s) => [s.keys, s.label]));
  if (nextSignature === signature) return;
  snapshot = next;
  signature = nextSignature;
  for (const listener of listeners) listener();
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Whether a key press is one a shortcut may take. */
export function isShortcutKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TYPING)) return false;
  return !document.querySelector('dialog[open]:modal, [role="dialog"][aria-modal="true"]');
}

/** A key no shortcut took yet, and when: run by a shortcut registered for it within PENDING_MS. */
let pending: { key: string; at: number } | undefined;
const PENDING_MS = 2000;

const shortcutFor = (shortcuts: readonly Shortcut[], key: string) => shortcuts.find((s) => !s.disabled && s.keys.includes(key));

function onKeyDown(event: KeyboardEvent) {
  if (!isShortcutKey(event)) return;
  pending = undefined;
  // The newest registration wins: a page's own keys over the layout's.
  for (const get of [...registered.values()].reverse()) {
    const shortcut = shortcutFor(get(), event.key);
    if (shortcut) {
      event.preventDefault();
      shortcut.run();
      return;
    }
  }
  pending = { key: event.key, at: performance.now() };
}
// From the app's start, before any page's keys are here.
if (typeof document !== 'undefined') document.addEventListener('keydown', onKeyDown);

/** The page's shortcuts, in effect while the calling component is mounted. */
export function useShortcuts(shortcuts: readonly Shortcut[]) {
  const latest = useRef(shortcuts);
  const id = useRef<symbol | null>(null);
  useEffect(() => {
    latest.current = shortcuts;
    if (id.current) changed();
  });
  useEffect(() => {
    const key = Symbol('shortcuts');
    id.current = key;
    registered.set(key, () => latest.current);
    changed();
    const waiting = pending && performance.now() - pending.at < PENDING_MS && shortcutFor(latest.current, pending.key);
    if (waiting) {
      pending = undefined;
      waiting.run();
    }
    return () => {
      registered.delete(key);
      id.current = null;
      changed();
    };
  }, []);
}

/** The shortcuts in effect now, for the `?` list. */
export function useActiveShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}
