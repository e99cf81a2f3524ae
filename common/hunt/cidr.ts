/**
 * IPv4 and IPv6 CIDR blocks as Elasticsearch reads them for CIDR_MATCH
 * (elastic/elasticsearch:server/src/main/java/org/elasticsearch/common/network/CIDRUtils.java and
 * InetAddresses.java, `forString` and `parseCidr`), strict enough that what passes is a block
 * Elasticsearch accepts:
 * - IPv4 octets are decimal without leading zeros (InetAddresses refuses `010.0.0.1`);
 * - an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, in any spelling) parses to an IPv4 address, and
 *   `parseCidr` refuses it with a prefix ("CIDR notation is not allowed with IPv6-mapped IPv4
 *   address"), so such a range is written here as the IPv4 range it covers;
 * - a bare address is the one-address block (/32 or /128), which analysts paste from logs.
 */

const IPV4_OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_GROUPS = 8;
const PREFIX = /^\d{1,3}$/;
const IPV4_BITS = 32;
const IPV6_BITS = 128;
/** `::ffff:0:0/96` is where IPv4-mapped addresses live (RFC 4291 §2.5.5.2). */
const MAPPED_PREFIX_BITS = 96;
const MAPPED_MARKER = 0xffff;
/** Pasted lists separate entries with commas, semicolons or any whitespace (newlines included). */
const LIST_SEPARATOR = /[\s,;]+/;

export const CIDR_RULE =
  'must be an IP address or a CIDR block such as 10.0.0.0/8, 203.0.113.7 or 2001:db8::/32';
export const MAPPED_CIDR_RULE =
  'is an IPv4-mapped IPv6 range wider than IPv4 (prefix below /96), which Elasticsearch refuses: write it as an IPv4 range';

export function isIpv4(value: string): boolean {
  const octets = value.split('.');
  return octets.length === 4 && octets.every((octet) => IPV4_OCTET.test(octet));
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(value: string): number[] | undefined {
  if (value.length === 0 || value.includes(':::')) return undefined;
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string, last: boolean): number[] | undefined => {
    if (part === '') return [];
    const texts = part.split(':');
    const tail = texts[texts.length - 1];
    const groups: number[] = [];
    // An embedded IPv4 tail counts as two groups (::ffff:10.0.0.1), and only at the very end.
    const ipv4Tail = tail.includes('.');
    if (ipv4Tail && (!last || !isIpv4(tail))) return undefined;
    for (const text of ipv4Tail ? texts.slice(0, -1) : texts) {
      if (!HEX_GROUP.test(text)) return undefined;
      groups.push(parseInt(text, 16));
    }
    if (ipv4Tail) {
      const [a, b, c, d] = tail.split('.').map(Number);
      groups.push(a * 256 + b, c * 256 + d);
    }
    return groups;
  };
  const head = parseGroups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1], true) : [];
  if (!head || !tail) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1) return count === IPV6_GROUPS ? head : undefined;
  if (count >= IPV6_GROUPS) return undefined;
  return [...head, ...Array<number>(IPV6_GROUPS - count).fill(0), ...tail];
}

export function isIpv6(value: string): boolean {
  return ipv6Groups(value) !== undefined;
}

/** The IPv4 address an IPv4-mapped IPv6 address stands for, or undefined. */
function mappedIpv4(groups: number[]): string | undefined {
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === MAPPED_MARKER;
  if (!mapped) return undefined;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

export type CidrResult = { ok: true; cidr: string } | { ok: false; message: string };

/**
 * The block Elasticsearch will match for what the analyst typed: `10.1.2.3` becomes
 * `10.1.2.3/32`, `2001:db8::1` becomes `2001:db8::1/128`, `::ffff:10.0.0.0/104` becomes
 * `10.0.0.0/8`; anything else that is not a block is refused with the rule.
 */
export function normaliseCidr(value: string): CidrResult {
  const parts = value.split('/');
  if (parts.length > 2) return { ok: false, message: CIDR_RULE };
  const [address, prefixText] = parts;
  if (prefixText !== undefined && !PREFIX.test(prefixText))
    return { ok: false, message: CIDR_RULE };
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  if (isIpv4(address)) {
    if (prefix !== undefined && prefix > IPV4_BITS) return { ok: false, message: CIDR_RULE };
    return { ok: true, cidr: `${address}/${prefix ?? IPV4_BITS}` };
  }
  const groups = ipv6Groups(address);
  if (!groups || (prefix !== undefined && prefix > IPV6_BITS)) {
    return { ok: false, message: CIDR_RULE };
  }
  const ipv4 = mappedIpv4(groups);
  if (ipv4 === undefined) return { ok: true, cidr: `${address}/${prefix ?? IPV6_BITS}` };
  if (prefix === undefined) return { ok: true, cidr: `${ipv4}/${IPV4_BITS}` };
  if (prefix < MAPPED_PREFIX_BITS) return { ok: false, message: MAPPED_CIDR_RULE };
  return { ok: true, cidr: `${ipv4}/${prefix - MAPPED_PREFIX_BITS}` };
}

/** True when `value` is a block (or a bare address) Elasticsearch's CIDR_MATCH accepts as is or normalised. */
export function isCidr(value: string): boolean {
  return normaliseCidr(value).ok;
}

/**
 * What a normalised block trusts when its prefix is 0: `0.0.0.0/0` every IPv4 address, `::/0`
 * every address at all (Elasticsearch compares an IPv4 address with an IPv6 block as
 * `::ffff:a.b.c.d`, CIDRUtils.isBetween). Undefined for any narrower block.
 */
export function trustsEverything(cidr: string): 'ipv4' | 'all' | undefined {
  const [address, prefix] = cidr.split('/');
  if (prefix !== '0') return undefined;
  return isIpv4(address) ? 'ipv4' : 'all';
}

/** Splits what an analyst pasted (one per line, comma- or space-separated) into entries. */
export function splitCidrList(text: string): string[] {
  return text.split(LIST_SEPARATOR).filter((entry) => entry !== '');
}

/** An address as eight 16-bit groups, IPv4 as its IPv4-mapped IPv6 form; undefined otherwise. */
function addressGroups(address: string): number[] | undefined {
  if (isIpv4(address)) {
    const [a, b, c, d] = address.split('.').map(Number);
    return [0, 0, 0, 0, 0, MAPPED_MARKER, a * 256 + b, c * 256 + d];
  }
  return ipv6Groups(address);
}

const GROUP_BITS = 16;

/**
 * Whether `ip` lies in `cidr` (a block as normaliseCidr writes it), comparing IPv4 with IPv4-mapped
 * IPv6 as Elasticsearch's CIDR_MATCH does. False for anything that is not an address or a block.
 */
export function cidrContains(cidr: string, ip: string): boolean {
  const normalised = normaliseCidr(cidr);
  if (!normalised.ok) return false;
  const [address, prefixText] = normalised.cidr.split('/');
  const block = addressGroups(address);
  const candidate = addressGroups(ip);
  if (!block || !candidate) return false;
  let bits = Number(prefixText) + (isIpv4(address) ? MAPPED_PREFIX_BITS : 0);
  for (let group = 0; group < IPV6_GROUPS && bits > 0; group += 1) {
    const take = Math.min(GROUP_BITS, bits);
    const mask = (0xffff << (GROUP_BITS - take)) & 0xffff;
    if ((block[group] & mask) !== (candidate[group] & mask)) return false;
    bits -= take;
  }
  return true;
}
