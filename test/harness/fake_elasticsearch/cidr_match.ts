import { isIpv4, isIpv6 } from '../../../common/hunt/cidr';

/** An address as a bit string of its family's width, for prefix comparison. */
function toBits(address: string): { family: 4 | 6; bits: bigint } | undefined {
  if (isIpv4(address)) {
    return {
      family: 4,
      bits: address.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n),
    };
  }
  if (!isIpv6(address)) return undefined;
  let text = address;
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4Tail) {
    const v4 = toBits(v4Tail);
    const hex = (v4?.bits ?? 0n).toString(16).padStart(8, '0');
    text = text.replace(v4Tail, `${hex.slice(0, 4)}:${hex.slice(4)}`);
  }
  const [head, tail = ''] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = text.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = text.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return {
    family: 6,
    bits: groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n),
  };
}

/** ES|QL's CIDR_MATCH for one address and one block. */
export function cidrMatch(ip: string, block: string): boolean {
  const [network, prefixText] = block.split('/');
  const address = toBits(ip);
  const base = toBits(network);
  if (!address || !base || address.family !== base.family) return false;
  const width = address.family === 4 ? 32n : 128n;
  const prefix = BigInt(Number(prefixText));
  const shift = width - prefix;
  return address.bits >> shift === base.bits >> shift;
}
