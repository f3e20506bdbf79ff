import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { retryDelay, shouldRetry } from './query-client.ts';

const error = (status: number, code = 'CSMS.0001', retryAfterSeconds?: number) =>
  new ApiError({ status, code, message: 'm', retryAfterSeconds });

describe('retry policy', () => {
  it('never retries 400, 401, 403 or 404', () => {
    for (const status of [400, 401, 403, 404]) expect(shouldRetry(0, error(status))).toBe(false);
    expect(shouldRetry(0, error(400, 'CSMS.0106'))).toBe(false);
  });
  it('retries network errors, 5xx and 429 at most twice', () => {
    for (const e of [error(0, 'CONSOLE.NETWORK'), error(500), error(502), error(503), error(504), error(429)]) {
      expect(shouldRetry(0, e)).toBe(true);
      expect(shouldRetry(1, e)).toBe(true);
      expect(shouldRetry(2, e)).toBe(false);
    }
  });
  it('does not wait quietly for a Retry-After over 10 s: the page shows it at once', () => {
    expect(shouldRetry(0, error(429, 'APIGW.0308', 10))).toBe(true);
    expect(shouldRetry(0, error(429, 'APIGW.0308', 11))).toBe(false);
    expect(shouldRetry(0, error(503, 'CSMS.0503', 60))).toBe(false);
  });
  it('honours Retry-After, else backs off with jitter', () => {
    expect(retryDelay(0, error(429, 'APIGW.0308', 3))).toBe(3000);
    // Full jitter: a random share of a cap that doubles with each try, up to 8 s.
    const delays = (random: number) => {
      const spy = vi.spyOn(Math, 'random').mockReturnValue(random);
      try {
        return [0, 1, 2, 5].map((attempt) => retryDelay(attempt, error(503)));
      } finally {
        spy.mockRestore();
      }
    };
    expect(delays(0.5)).toEqual([250, 500, 1000, 4000]);
    expect(delays(0.25)).toEqual([125, 250, 500, 2000]);
    expect(delays(0)).toEqual([0, 0, 0, 0]);
  });
  it('maps errors to kinds', () => {
    expect(error(404).kind).toBe('not-found');
    expect(error(400, 'CSMS.0106').kind).toBe('not-found');
    expect(error(400, 'CSMS.0002').kind).toBe('invalid');
    expect(error(401).kind).toBe('unauthenticated');
    expect(error(403).kind).toBe('forbidden');
    expect(error(429).kind).toBe('throttled');
    expect(error(504, 'CONSOLE.0504').kind).toBe('unavailable');
    expect(error(0, 'CONSOLE.NETWORK').kind).toBe('network');
  });
});
