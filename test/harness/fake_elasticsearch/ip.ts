/**
 * IP addresses as Elasticsearch stores them: every address is 16 bytes (an IPv4 address as its
 * IPv4-mapped IPv6 form, `::ffff:a.b.c.d`), doc values sort by those bytes, and an address reads back
 * through Java's `InetAddress`, so a mapped address comes back as plain IPv4 and IPv6 in its
 * shortest RFC 5952 form (elastic/elasticsearch:server/src/main/java/org/elasticsearch/common/network/
 * InetAddresses.java, `forString` and `toAddrString`; `index/mapper/IpFieldMapper.java`).
 */

const IPV4_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_GROUPS = 8;
const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Parses an IPv4 dotted quad; leading zeros are refused, as InetAddresses.forString does. */
function parseIpv4(text: string): number[] | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const octet of octets) {
    if (!IPV4_OCTET.test(octet)) return undefined;
    const value = Number(octet);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  if (text.includes(':::')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const words: number[] = [];
    for (const [index, group] of groups.entries()) {
      if (index === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (!v4) return undefined;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (HEX_GROUP.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return undefined;
      }
    }
    return words;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 tail may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = IPV6_GROUPS - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** The 16 stored bytes of an address, or undefined when Elasticsearch would refuse it. */
export function ipBytes(text: string): number[] | undefined {
  if (text.includes(':')) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return v4 ? [...IPV4_MAPPED_PREFIX, ...v4] : undefined;
}

function isIpv4Mapped(bytes: number[]): boolean {
  return IPV4_MAPPED_PREFIX.every((byte, index) => bytes[index] === byte);
}

/** How Elasticsearch writes stored bytes back out (InetAddresses.toAddrString). */
export function formatIpBytes(bytes: number[]): string {
  if (isIpv4Mapped(bytes)) return bytes.slice(12).join('.');
  const words = Array.from(
    { length: IPV6_GROUPS },
    (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]
  );
  // The longest run of two or more zero groups becomes "::"; the first one wins a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < IPV6_GROUPS; start += 1) {
    let length = 0;
    while (start + length < IPV6_GROUPS && words[start + length] === 0) length += 1;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart === -1) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

const canonical = new Map<string, string | null>();
const sortKeys = new Map<string, string>();

/** An address as Elasticsearch reads it back, or null when it is not an address. */
export function canonicalIp(text: string): string | null {
  const known = canonical.get(text);
  if (known !== undefined) return known;
  const bytes = ipBytes(text);
  const result = bytes ? formatIpBytes(bytes) : null;
  canonical.set(text, result);
  return result;
}

/** A string that sorts like the 16 stored bytes (doc values order), for a canonical address. */
export function ipSortKey(ip: string): string {
  const known = sortKeys.get(ip);
  if (known !== undefined) return known;
  const bytes = ipBytes(ip) ?? [];
  const key = String.fromCharCode(...bytes);
  sortKeys.set(ip, key);
  return key;
}

export function compareIps(a: string, b: string): number {
  const left = ipSortKey(a);
  const right = ipSortKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface CidrBlock {
  bytes: number[];
  /** Prefix length over the 16 bytes (an IPv4 block's prefix plus 96). */
  prefix: number;
}

/**
 * `a.b.c.d/n` or `x::/n` as InetAddresses.parseCidr reads it; the address bits after the prefix
 * need not be zero.
 */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  if (slash === -1 || slash !== text.lastIndexOf('/')) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const bytes = ipBytes(address);
  if (!bytes) return undefined;
  const v4 = !address.includes(':');
  const prefix = Number(prefixText);
  if (prefix > (v4 ? 32 : 128)) return undefined;
  return { bytes, prefix: v4 ? prefix + 96 : prefix };
}

/** Whether the first `prefix` bits of the address equal the block's (CIDRUtils.isInRange). */
export function inCidr(ip: string, block: CidrBlock): boolean {
  const bytes = ipBytes(ip);
  if (!bytes) return false;
  let remaining = block.prefix;
  for (let index = 0; index < 16 && remaining > 0; index += 1) {
    const bits = Math.min(8, remaining);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((bytes[index] & mask) !== (block.bytes[index] & mask)) return false;
    remaining -= bits;
  }
  return true;
}
