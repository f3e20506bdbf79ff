import { describe, expect, it } from 'vitest';
import { parseCidr } from './cidr.ts';

describe('an address or CIDR', () => {
  it('reads addresses and prefixes of both families', () => {
    expect(parseCidr('10.0.0.5')).toEqual({ address: '10.0.0.5', family: 'ipv4' });
    expect(parseCidr('10.0.0.0/8')).toEqual({ address: '10.0.0.0', family: 'ipv4', bits: 8 });
    expect(parseCidr('fd00::/128')).toEqual({ address: 'fd00::', family: 'ipv6', bits: 128 });
  });
  it('refuses what is neither', () => {
    for (const text of ['10.0.0.0/33', 'fd00::/129', '10.0.0.0/8/8', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/0x8', 'proxy.local', ''])
      expect(parseCidr(text), text).toBeUndefined();
  });
});
