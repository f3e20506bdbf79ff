// Copying a secret value: the clipboard is cleared after a while if it still holds the value.
// Only a hash of the value is kept for that check, never the value itself.
export const CLIPBOARD_CLEAR_MS = 30_000;

let pendingClear: ReturnType<typeof setTimeout> | undefined;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function copySecret(value: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<void> {
  await navigator.clipboard.writeText(value);
  const copiedHash = await sha256(value);
  clearTimeout(pendingClear);
  pendingClear = setTimeout(async () => {
    try {
      if ((await sha256(await navigator.clipboard.readText())) !== copiedHash) return;
    } catch {
      // Reading the clipboard is not allowed here: clear it anyway rather than leave a secret.
    }
    await navigator.clipboard.writeText('').catch(() => {});
  }, clearAfterMs);
}
