// Records that hold IAM tokens, sealed before they leave the process: AES-256-GCM under the session
// key, bound to the name they are stored under (a record moved to another name does not open).
// Each sealed record names its key by a short fingerprint, so after a rotation the records sealed
// with the previous key still open until they end.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const fingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export interface Sealer {
  seal(plaintext: string, name: string): string;
  /** The plaintext, or null when no accepted key opens it (or it was changed). */
  open(sealed: string, name: string): string | null;
}

/** `keys[0]` seals; every key opens what it sealed. */
export function createSealer(keys: readonly Buffer[]): Sealer {
  const byPrint = new Map(keys.map((key) => [fingerprint(key), key]));
  const current = keys[0]!;
  const currentPrint = fingerprint(current);
  return {
    seal(plaintext, name) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv).setAAD(Buffer.from(name));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, currentPrint, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, name) {
      const [version, print, iv, body] = sealed.split('.');
      const key = print === undefined ? undefined : byPrint.get(print);
      if (version !== VERSION || !key || !iv || !body) return null;
      const bytes = Buffer.from(body, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(name));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
