// Sessions in Redis, shared by every console instance. A session is kept under a hash of its
// cookie value, sealed (seal.ts: the IAM tokens and the user never lie in Redis in the clear), and
// Redis ends it by the session's own clocks: its time to live is the idle time, never past the
// absolute limit or the tokens' expiry, and each request restarts it. A small sealed marker stays
// until the absolute end, so a person whose session went idle is told why. Each user's sessions
// are listed (by hash) for the per-user cap, enforced in one script so two instances signing the
// same user in at once cannot both keep too many.
import { KEY_PREFIX, stored, type SharedRedis } from './redis.ts';
import type { Sealer } from './seal.ts';
import { sessionKey, startSession, type Session, type SessionOptions, type SessionStore } from './sessions.ts';

const RECORD = `${KEY_PREFIX}session:`;
const ENDED = `${KEY_PREFIX}session-end:`;
const USER = `${KEY_PREFIX}user-sessions:`;
/** How long past its absolute end a session's marker is kept, to say it expired. */
const MARKER_MS = 60_000;

// KEYS: the user's list, the new record, its marker. ARGV: the sealed record, its expiry, its time
// to live, the sealed marker, its time to live, the hash, the time, the cap, the list's time to live.
const CREATE = `
local live = {}
for _, h in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('EXISTS', '${RECORD}' .. h) == 1 then table.insert(live, h) else redis.call('ZREM', KEYS[1], h) end
end
local ended = math.max(0, #live - tonumber(ARGV[8]) + 1)
for i = 1, ended do
  redis.call('DEL', '${RECORD}' .. live[i], '${ENDED}' .. live[i])
  redis.call('ZREM', KEYS[1], live[i])
end
redis.call('SET', KEYS[2], ARGV[2] .. '.' .. ARGV[1], 'PX', ARGV[3])
redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5])
redis.call('ZADD', KEYS[1], ARGV[7], ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[9])
return ended`;

// KEYS: the record, its marker. ARGV: the time, the idle time. The record (its absolute end, a
// dot, the sealed text) with its time to live restarted, or else the marker.
const TOUCH = `
local record = redis.call('GET', KEYS[1])
if record then
  local ttl = math.min(tonumber(ARGV[2]), tonumber(string.match(record, '^%d+')) - tonumber(ARGV[1]))
  if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
  return {record, false}
end
return {false, redis.call('GET', KEYS[2])}`;

type Sealed = Omit<Session, 'tokens'> & { tokens: [string, string][] };

interface SessionCommands {
  csmsSessionCreate(...args: (string | number)[]): Promise<number>;
  csmsSessionTouch(...args: (string | number)[]): Promise<[string | null, string | null]>;
}

export function redisSessionStore(client: SharedRedis, sealer: Sealer, opts: SessionOptions): SessionStore {
  const clock = opts.clock ?? Date.now;
  client.defineCommand('csmsSessionCreate', { numberOfKeys: 3, lua: CREATE });
  client.defineCommand('csmsSessionTouch', { numberOfKeys: 2, lua: TOUCH });
  const commands = client as unknown as SessionCommands;

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
          sealer.seal(JSON.stringify(record), RECORD + h),
          session.expiresAt,
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
    async get(id) {
      if (!id) return { ended: 'none' };
      const h = sessionKey(id);
      const now = clock();
      const [record, marker] = await stored(commands.csmsSessionTouch(RECORD + h, ENDED + h, now, opts.idleMs));
      const opened = record && sealer.open(record.slice(record.indexOf('.') + 1), RECORD + h);
      if (opened) {
        const sealed = JSON.parse(opened) as Sealed;
        if (now < sealed.expiresAt) return { session: { ...sealed, tokens: new Map(sealed.tokens), lastSeenAt: now } };
      }
      // Past its end (the record itself, the last moment before Redis drops it), or the marker.
      const ended = opened || (marker && sealer.open(marker, ENDED + h));
      if (!ended) return { ended: 'none' };
      // Said once: the next request with this cookie is simply signed out.
      await stored(client.del(RECORD + h, ENDED + h));
      const { who, expiresAt } = JSON.parse(ended) as Pick<Sealed, 'who' | 'expiresAt'>;
      return { ended: now >= expiresAt ? 'expired' : 'idle', who };
    },
    async end(id) {
      if (id) await stored(client.del(RECORD + sessionKey(id), ENDED + sessionKey(id)));
    },
    async count() {
      let open = 0;
      for await (const keys of client.scanStream({ match: `${RECORD}*`, count: 1000 }) as AsyncIterable<string[]>) open += keys.length;
      return open;
    },
    close: () => {},
  };
}
