import { MAPPED_CIDR_RULE, normaliseCidr, splitCidrList, trustsEverything } from './cidr';

describe('normaliseCidr: what Elasticsearch will match for what the analyst typed', () => {
  it.each([
    // A bare address is the one-address block, as analysts paste IPs from logs.
    ['203.0.113.7', '203.0.113.7/32'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['::/0', '::/0'],
    // IPv4-mapped IPv6 (::ffff:0:0/96): Elasticsearch parses the address as IPv4 and refuses a
    // prefix on it, so the range is written as the IPv4 range it covers.
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:10.1.2.3/128', '10.1.2.3/32'],
    ['::ffff:0.0.0.0/96', '0.0.0.0/0'],
    ['0:0:0:0:0:ffff:a00:0/104', '10.0.0.0/8'],
    ['::FFFF:a00:1', '10.0.0.1/32'],
    ['::ffff:192.0.2.1', '192.0.2.1/32'],
    // IPv4-compatible (::a.b.c.d, deprecated) is not mapped: it stays IPv6.
    ['::192.0.2.1/120', '::192.0.2.1/120'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseCidr(input)).toEqual({ ok: true, cidr: expected });
  });

  it.each([
    '10.0.0.0/33',
    '010.0.0.1',
    '10.0.0/8',
    '2001:db8::/129',
    '1.2.3.4/8/8',
    '1.2.3.4/',
    '/8',
    '1.2.3.4/-1',
    '1.2.3.4/ 8',
    'fe80::1%eth0',
    '1.2.3.4::',
    '::1.2.3.4:5',
    '',
  ])('refuses %j', (input) => {
    expect(normaliseCidr(input).ok).toBe(false);
  });

  it('refuses an IPv4-mapped range wider than IPv4, saying why', () => {
    expect(normaliseCidr('::ffff:0:0/95')).toEqual({ ok: false, message: MAPPED_CIDR_RULE });
  });
});

describe('trustsEverything', () => {
  it.each([
    ['0.0.0.0/0', 'ipv4'],
    ['::/0', 'all'],
    ['10.0.0.0/8', undefined],
    ['::/1', undefined],
  ])('%s → %s', (cidr, expected) => {
    expect(trustsEverything(cidr)).toBe(expected);
  });
});

describe('splitCidrList', () => {
  it('splits what an analyst pasted: commas, semicolons, spaces, tabs and new lines', () => {
    expect(
      splitCidrList('10.0.0.0/8, 192.168.0.0/16;172.16.0.0/12\n2001:db8::/32\t203.0.113.7  ')
    ).toEqual(['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12', '2001:db8::/32', '203.0.113.7']);
    expect(splitCidrList(' \n ')).toEqual([]);
  });
});
