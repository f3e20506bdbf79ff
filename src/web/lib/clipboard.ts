// Copying a secret value: the clipboard is cleared after a while if it still holds the value.
// Only a hash of the value is kept for that check, never the value itself.
export const CLIPBOARD_CLEAR_MS = 30_000;

/** What became of a copied value: cleared in time, left because the clipboard holds something else
 * now, or superseded by a newer copy (or a failed one) before its time. */
export type ClearOutcome = 'cleared' | 'kept' | 'superseded';

let pending: { timer: ReturnType<typeof setTimeout>; hash: string; settle: (outcome: ClearOutcome) => void } | undefined;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Empties the clipboard if it still holds what this console copied (or cannot be read). */
async function clearIfStillOurs(hash: string): Promise<ClearOutcome> {
  try {
    if ((await sha256(await navigator.clipboard.readText())) !== hash) return 'kept';
  } catch {
    // Reading the clipboard is not allowed here: clear it anyway rather than leave a secret.
  }
  await navigator.clipboard.writeText('').catch(() => {});
  return 'cleared';
}

/** Takes the pending clear off the timer; the caller decides what happens to the clipboard. */
function takePending() {
  const taken = pending;
  clearTimeout(taken?.timer);
  pending = undefined;
  return taken;
}

/** Copies a value; resolves, once the value is on the clipboard, with what becomes of it later. */
export async function copySecret(value: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<{ outcome: Promise<ClearOutcome> }> {
  await navigator.clipboard.writeText(value);
  const hash = await sha256(value);
  takePending()?.settle('superseded');
  const outcome = new Promise<ClearOutcome>((settle) => {
    const timer = setTimeout(() => {
      pending = undefined;
      void clearIfStillOurs(hash).then(settle);
    }, clearAfterMs);
    pending = { timer, hash, settle };
  });
  return { outcome };
}

/**
 * After a failed copy: a value this console copied earlier must not be pasted instead of the one
 * asked for, so it leaves the clipboard now. True when there was one.
 */
export async function clearEarlierCopy(): Promise<boolean> {
  const earlier = takePending();
  if (!earlier) return false;
  earlier.settle('superseded');
  return (await clearIfStillOurs(earlier.hash)) === 'cleared';
}
