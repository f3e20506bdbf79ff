// How a revealed value is shown: as text, as JSON when it parses, as bytes when it is binary.

export type JsonView = { kind: 'not-json' } | { kind: 'json'; pretty: string; fields?: [string, string][] };

/** Objects and arrays only: a bare number or string is better shown as text. Never throws: a
 * value too deep to parse or print is shown as text. */
export function parseJsonValue(text: string): JsonView {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { kind: 'not-json' };
  let parsed: unknown;
  let pretty: string;
  try {
    parsed = JSON.parse(trimmed);
    pretty = JSON.stringify(parsed, null, 2);
  } catch {
    return { kind: 'not-json' };
  }
  const isFlatObject =
    parsed !== null &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => v === null || typeof v !== 'object');
  if (!isFlatObject) return { kind: 'json', pretty };
  const fields = Object.entries(parsed as Record<string, unknown>).map(
    ([key, v]) => [key, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string],
  );
  return { kind: 'json', pretty, fields };
}

export function base64ToBytes(base64: string): Uint8Array {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A hexdump-style preview of the first bytes: offset, hex, printable ASCII. */
export function hexPreview(bytes: Uint8Array, maxBytes = 256): string {
  const lines: string[] = [];
  for (let offset = 0; offset < Math.min(bytes.length, maxBytes); offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, bytes.length, maxBytes));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

// Units, written the same in Chinese.
/* eslint-disable lingui/no-unlocalized-strings */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}
/* eslint-enable lingui/no-unlocalized-strings */
