// Sessions in Redis, shared by every console instance. A session is kept under a hash of its
// cookie value, sealed (seal.ts: the IAM tokens and the user never lie in Redis in the clear), and
// Redis ends it by the session's own clocks: its time to live is the idle time, never past the
// absolute limit or the tokens' expiry, and each request restarts it. A small sealed marker stays
// until the absolute end, so a person whose session went idle is told why. Each user's sessions
// are listed (by hash) for the per-user cap, enforced in one script so two instances signing the
// same user in at once cannot both keep too many. A value read's lookup takes the person's
// value reads in the same script (one round trip), from the allowance keyed by the hash the record
// carries.
import { createHash } from 'node:crypto';
import { KEY_PREFIX, stored, type SharedRedis } from '../redis.ts';
import type { Sealer } from './seal.ts';
import { sessionKey, startSession, type Session, type SessionOptions, type SessionStore } from './sessions.ts';
import { ALLOWANCE_PREFIX, allowanceHash, TAKE_FUNCTION, WINDOW_MS } from '../value-reads.ts';

const RECORD = `${KEY_PREFIX}session:`;
const ENDED = `${KEY_PREFIX}session-end:`;
const USER = `${KEY_PREFIX}user-sessions:`;
/** How long past its absolute end a session's marker is kept, to say it expired. */
const MARKER_MS = 60_000;
/** Sessions this instance keeps opened (the least recently used dropped first). */
const OPENED_MAX = 1000;

// KEYS: the user's list, the new record, its marker. ARGV: the sealed record (after its absolute
// end and its allowance's hash), its time to live, the sealed marker, its time to live, the hash,
// the time, the cap, the list's time to live.
const CREATE = `
local live = {}
for _, h in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('EXISTS', '${RECORD}' .. h) == 1 then table.insert(live, h) else redis.call('ZREM', KEYS[1], h) end
end
local ended = math.max(0, #live - tonumber(ARGV[7]) + 1)
for i = 1, ended do
  redis.call('DEL', '${RECORD}' .. live[i], '${ENDED}' .. live[i])
  redis.call('ZREM', KEYS[1], live[i])
end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[6], ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[8])
return ended`;

// KEYS: the record, its marker. ARGV: the time, the idle time, the value reads to take (0: none),
// the allowance, the SHA-1 of the record text this instance has opened ('' for none). The record
// (its absolute end, the hash of its allowance and the sealed text, with dots between) with its
// time to live restarted, or 1 when its text is the one named (a real IAM token is kilobytes, and
// several are sealed in a record: not sent again on every request); while it lasts, the reads
// taken (-1, or the wait); or else the marker.
const TOUCH = `${TAKE_FUNCTION}
local record = redis.call('GET', KEYS[1])
if record then
  local ends, allowance = string.match(record, '^(%d+)%.([^.]+)%.')
  local ttl = math.min(tonumber(ARGV[2]), tonumber(ends) - tonumber(ARGV[1]))
  local taken = false
  if ttl > 0 then
    redis.call('PEXPIRE', KEYS[1], ttl)
    if tonumber(ARGV[3]) > 0 then taken = take('${ALLOWANCE_PREFIX}' .. allowance, ARGV[3], ARGV[4], ${WINDOW_MS}) end
  end
  if ARGV[5] ~= '' and redis.sha1hex(record) == ARGV[5] then return {1, false, taken} end
  return {record, false, taken}
end
return {false, redis.call('GET', KEYS[2]), false}`;

type Sealed = Omit<Session, 'tokens'> & { tokens: [string, string][] };

interface SessionCommands {
  csmsSessionCreate(...args: (string | number)[]): Promise<number>;
  /** The record's text, or 1: the text whose SHA-1 was named. */
  csmsSessionTouch(...args: (string | number)[]): Promise<[string | 1 | null, string | null, number | null]>;
}

export function redisSessionStore(client: SharedRedis, sealer: Sealer, opts: SessionOptions): SessionStore {
  const clock = opts.clock ?? Date.now;
  client.defineCommand('csmsSessionCreate', { numberOfKeys: 3, lua: CREATE });
  client.defineCommand('csmsSessionTouch', { numberOfKeys: 2, lua: TOUCH });
  const commands = client as unknown as SessionCommands;
  // The sessions this instance opened last, by hash, with the SHA-1 of the exact text each came
  // from: a record is sealed once and never rewritten, so while Redis holds the same text (it
  // compares the digest and answers 1) the session is the same, and neither the text nor its
  // decryption is done again. Any other text under that hash (changed in Redis) is sent, and
  // opened afresh.
  const opened = new Map<string, { digest: string; session: Session }>();
  const reuse = (h: string, known: { digest: string; session: Session }) => {
    opened.delete(h);
    opened.set(h, known);
    return known.session;
  };
  const open = (h: string, record: string): Session | null => {
    opened.delete(h);
    const text = sealer.open(record.split('.').slice(2).join('.'), RECORD + h);
    if (!text) return null;
    const sealed = JSON.parse(text) as Sealed;
    const session = { ...sealed, tokens: new Map(sealed.tokens) };
    if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value!);
    opened.set(h, { digest: createHash('sha1').update(record).digest('hex'), session });
    return session;
  };

  return {
    async create(init) {
      const now = clock();
      const { id, session } = startSession(init, now, opts.maxAgeMs);
      const h = sessionKey(id);
      const record: Sealed = { ...session, tokens: [...session.tokens] };
      const life = Math.max(1, session.expiresAt - now);
      const ended = await stored(
        commands.csmsSessionCreate(
          `${USER}${sessionKey(session.who)}`,
          RECORD + h,
          ENDED + h,
          [session.expiresAt, allowanceHash(session.who), sealer.seal(JSON.stringify(record), RECORD + h)].join('.'),
          Math.min(opts.idleMs, life),
          sealer.seal(JSON.stringify({ who: session.who, expiresAt: session.expiresAt }), ENDED + h),
          life + MARKER_MS,
          h,
          now,
          opts.perUser,
          opts.maxAgeMs + MARKER_MS,
        ),
      );
      return { id, ended };
    },
    async get(id, valueReads = 0) {
      if (!id) return { ended: 'none' };
      const h = sessionKey(id);
      const now = clock();
      const take = opts.valueReadsPerMinute === undefined ? 0 : valueReads;
      // Redis is asked on every use, and a record it no longer has (ended anywhere) is forgotten;
      // one changed there is caught by its seal at once, whichever instance opened it before.
      const known = opened.get(h);
      const [record, marker, taken] = await stored(
        commands.csmsSessionTouch(RECORD + h, ENDED + h, now, opts.idleMs, take, opts.valueReadsPerMinute ?? 0, known?.digest ?? ''),
      );
      if (record === null) opened.delete(h);
      const session =
        record === null ? null : record === 1 && known ? reuse(h, known) : typeof record === 'string' ? open(h, record) : null;
      if (session && now < session.expiresAt)
        return {
          session: { ...session, lastSeenAt: now },
          ...(take > 0 && { valueReadsWait: taken === null || taken < 0 ? null : taken }),
        };
      // Past its end (the record itself, the last moment before Redis drops it), or the marker.
      const markerText = marker && sealer.open(marker, ENDED + h);
      const ended = session ?? (markerText ? (JSON.parse(markerText) as Pick<Sealed, 'who' | 'expiresAt'>) : null);
      if (!ended) return { ended: 'none' };
      // Said once: the next request with this cookie is simply signed out.
      await stored(client.del(RECORD + h, ENDED + h));
      return { ended: now >= ended.expiresAt ? 'expired' : 'idle', who: ended.who };
    },
    async end(id) {
      if (!id) return;
      opened.delete(sessionKey(id));
      await stored(client.del(RECORD + sessionKey(id), ENDED + sessionKey(id)));
    },
    async count() {
      let open = 0;
      for await (const keys of client.scanStream({ match: `${RECORD}*`, count: 1000 }) as AsyncIterable<string[]>) open += keys.length;
      return open;
    },
    close: () => {},
  };
}
