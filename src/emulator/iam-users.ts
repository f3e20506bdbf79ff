// The emulator IAM's users and how a sign-in is checked, as IAM does it without giving anything
// away: a password is checked in the same time whether or not the user exists (an unknown name is
// hashed against a dummy), hashing runs off the event loop (async scrypt), and a name that fails
// too often is locked for a while (IAM's account lockout policy: 5 failures in 15 minutes lock it
// for 15 minutes). A user with a virtual MFA device signs in with password + TOTP code.
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { policy } from './iam-policy.ts';
import type { IamUserSeed } from './seed-file.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const hash = (password: string, salt: Buffer) => scryptAsync(password, salt, 32);

export const LOCKOUT = { attempts: 5, windowMs: 15 * 60_000 } as const;
const MAX_TRACKED_NAMES = 10_000;

export interface User {
  id: string;
  name: string;
  projects: Set<string>;
  allows: (action: string) => boolean;
}
interface StoredUser extends User {
  salt: Buffer;
  hash: Buffer;
  totp?: TOTP;
}

export type SignInCheck = { ok: true; user: User } | { ok: false; reason: 'wrong' | 'locked' | 'mfa-required' | 'mfa-wrong' };

export interface Credentials {
  name: string;
  password: string;
  /** IAM's password-and-MFA method: the user's id and the code of their virtual MFA device. */
  totp?: { userId: string; passcode: string };
}

export async function createUserDirectory(seeds: IamUserSeed[], clock: () => number) {
  const users: StoredUser[] = await Promise.all(
    seeds.map(async (u) => {
      const salt = randomBytes(16);
      return {
        id: u.id ?? randomUUID().replaceAll('-', ''),
        name: u.name,
        salt,
        hash: await hash(u.password, salt),
        projects: new Set(u.projects),
        allows: policy(u.actions),
        totp: u.totp_secret ? new TOTP({ secret: Secret.fromBase32(u.totp_secret) }) : undefined,
      };
    }),
  );
  // An unknown name costs the same hash as a known one.
  const dummy = { salt: randomBytes(16), hash: randomBytes(32) };
  const failures = new Map<string, number[]>();

  const recentFailures = (name: string) => (failures.get(name) ?? []).filter((t) => clock() - t < LOCKOUT.windowMs);

  return {
    users: users as readonly User[],
    async check(given: Credentials): Promise<SignInCheck> {
      // Every name is treated alike, so a lockout says nothing about whether the user exists.
      if (recentFailures(given.name).length >= LOCKOUT.attempts) return { ok: false, reason: 'locked' };
      const user = users.find((u) => u.name === given.name);
      const computed = await hash(given.password, (user ?? dummy).salt);
      const passwordOk = timingSafeEqual(computed, (user ?? dummy).hash) && user !== undefined;
      const fail = (reason: 'wrong' | 'mfa-wrong') => {
        const recent = recentFailures(given.name);
        failures.delete(given.name);
        // Bounded: the names that failed longest ago go first.
        if (failures.size >= MAX_TRACKED_NAMES) failures.delete(failures.keys().next().value!);
        failures.set(given.name, [...recent, clock()]);
        return { ok: false as const, reason };
      };
      if (!user || !passwordOk) return fail('wrong');
      if (user.totp) {
        if (!given.totp) return { ok: false, reason: 'mfa-required' };
        // One 30-second step either side, for clocks a little apart.
        const valid = given.totp.userId === user.id && user.totp.validate({ token: given.totp.passcode, window: 1 }) !== null;
        if (!valid) return fail('mfa-wrong');
      }
      failures.delete(given.name);
      return { ok: true, user };
    },
  };
}
export type UserDirectory = Awaited<ReturnType<typeof createUserDirectory>>;
