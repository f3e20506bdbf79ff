// The key that signs the audit digests: CONSOLE_AUDIT_SIGNING_KEY (an Ed25519 private key in PEM,
// or the path of a file holding one); unset, one is generated into a 0600 file next to the log
// (kept across restarts, so the digests of one log share a key), or, with no log file, for this
// process only. Its public key is what verifies the digests, and all it takes.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface SigningKey {
  key: KeyObject;
  publicPem: string;
  /** Where the key was generated, when it was. */
  generated?: string;
}

export const keyFileNextTo = (log: string) => `${log}.signing-key.pem`;
export const publicKeyFileNextTo = (log: string) => `${log}.signing-key.pub.pem`;

export function loadSigningKey(setting: string | undefined, logFile: string | undefined): SigningKey {
  if (setting) {
    try {
      return described(privateKey(setting.trimStart().startsWith('-----BEGIN') ? setting : readFileSync(setting, 'utf8')));
    } catch (error) {
      throw new Error(`CONSOLE_AUDIT_SIGNING_KEY: ${(error as Error).message}`);
    }
  }
  if (!logFile) return { ...described(generateKeyPairSync('ed25519').privateKey), generated: 'this process only' };
  const file = keyFileNextTo(logFile);
  if (existsSync(file)) return described(privateKey(readFileSync(file, 'utf8')));
  const key = described(generateKeyPairSync('ed25519').privateKey);
  writeFileSync(file, key.key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(publicKeyFileNextTo(logFile), key.publicPem, { flag: 'w' });
  return { ...key, generated: file };
}

function privateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an Ed25519 private key is needed, not ${key.asymmetricKeyType}`);
  return key;
}

const described = (key: KeyObject): SigningKey => ({
  key,
  publicPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
});
