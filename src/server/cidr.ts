// An address or a CIDR, read in one place: the configuration refuses what this does not read, and
// the address lists are built from what it reads.
import { isIP } from 'node:net';

export interface Cidr {
  address: string;
  family: 'ipv4' | 'ipv6';
  /** The prefix length; none for a single address. */
  bits?: number;
}

/** `10.0.0.5` or `10.0.0.0/8` (IPv4 or IPv6); undefined when it is neither. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', bits, ...rest] = text.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return undefined;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) return { address, family };
  if (!/^[0-9]{1,3}$/.test(bits) || Number(bits) > (version === 4 ? 32 : 128)) return undefined;
  return { address, family, bits: Number(bits) };
}
