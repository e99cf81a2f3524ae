/** IPv4 and IPv6 CIDR validation, strict enough that what passes is a block CIDR_MATCH accepts. */

const IPV4_OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_GROUPS = 8;

export function isIpv4(value: string): boolean {
  const octets = value.split('.');
  return octets.length === 4 && octets.every((octet) => IPV4_OCTET.test(octet));
}

export function isIpv6(value: string): boolean {
  if (value.length === 0 || value.includes(':::')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const parseGroups = (part: string): string[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const last = groups[groups.length - 1];
    // An embedded IPv4 tail counts as two groups (::ffff:10.0.0.1).
    if (last.includes('.')) {
      if (!isIpv4(last)) return undefined;
      groups.splice(groups.length - 1, 1, '0', '0');
    }
    return groups.every((group) => HEX_GROUP.test(group)) ? groups : undefined;
  };
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !tail) return false;
  if (halves.length === 2 && halves[0].includes('.')) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count < IPV6_GROUPS : count === IPV6_GROUPS;
}

const PREFIX = /^\d{1,3}$/;

export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash === -1 || slash !== value.lastIndexOf('/')) return false;
  const address = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  if (!PREFIX.test(prefix)) return false;
  const bits = Number(prefix);
  if (isIpv4(address)) return bits <= 32;
  if (isIpv6(address)) return bits <= 128;
  return false;
}
