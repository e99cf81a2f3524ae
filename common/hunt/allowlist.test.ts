import { BlockList, isIPv6 } from 'net';
import type { Entry } from '../entries';
import { huntRow } from '../../test/helpers/hunt_rows';
import { entriesForRow, hidingEntries, SEVERAL_RANGES } from './allowlist';
import { cidrContains } from './cidr';

function entry(overrides: Partial<Entry>): Entry {
  return {
    id: 'e',
    kind: 'reviewed',
    principal: null,
    principal_field: 'name',
    action: null,
    cidr: null,
    note: 'n',
    author: 'a',
    created_at: '2026-11-01T00:00:00.000Z',
    expires_at: null,
    active: true,
    ...overrides,
  };
}

describe('cidrContains', () => {
  const blocks = [
    '10.0.0.0/8',
    '192.0.2.0/24',
    '203.0.113.7/32',
    '2001:db8::/32',
    '::/0',
    '0.0.0.0/0',
  ];
  const addresses = [
    '10.1.2.3',
    '11.0.0.1',
    '192.0.2.255',
    '192.0.3.0',
    '203.0.113.7',
    '2001:db8:4860::17',
    '2001:db9::1',
    '::1',
  ];
  it.each(blocks)('agrees with Node’s BlockList for %s', (block) => {
    const [network, prefix] = block.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), isIPv6(network) ? 'ipv6' : 'ipv4');
    for (const address of addresses) {
      const family = isIPv6(address) ? 'ipv6' : 'ipv4';
      // Elasticsearch reads an IPv4 address against an IPv6 block as ::ffff:a.b.c.d: only ::/0 holds it.
      const expected = block === '::/0' ? true : list.check(address, family);
      expect([address, cidrContains(block, address)]).toEqual([address, expected]);
    }
  });

  it('refuses what is not a block or an address', () => {
    expect(cidrContains('10.0.0.0/33', '10.0.0.1')).toBe(false);
    expect(cidrContains('10.0.0.0/8', 'not an address')).toBe(false);
  });
});

describe('entriesForRow', () => {
  const row = huntRow({
    service_principal_name: 'Directory-Sync',
    service_principal_names: ['Directory-Sync'],
    service_principal_ids: ['id-1', 'id-2'],
    action: 'Update service principal',
    ips: ['192.0.2.200', '203.0.113.150'],
  });
  const now = new Date('2026-11-30T00:00:00.000Z');

  it.each([
    ['its name', entry({ principal: 'Directory-Sync' }), true],
    ['one of its ids', entry({ principal: 'id-2', principal_field: 'id' }), true],
    ['an id given as a name', entry({ principal: 'id-2', principal_field: 'name' }), false],
    [
      'its action',
      entry({ principal: 'Directory-Sync', action: 'Update service principal' }),
      true,
    ],
    ['another action', entry({ principal: 'Directory-Sync', action: 'Sign-in activity' }), false],
    ['a range holding one address', entry({ cidr: '203.0.113.0/24' }), true],
    ['a range holding none', entry({ cidr: '198.51.100.0/24' }), false],
    [
      'an expired entry',
      entry({ principal: 'Directory-Sync', expires_at: '2026-11-01T00:00:00.000Z' }),
      false,
    ],
  ])('matches by %s: %s', (_label, candidate, matches) => {
    expect(entriesForRow(row, [candidate], now)).toEqual(matches ? [candidate] : []);
  });
});

describe('hidingEntries', () => {
  it('counts each entry once, and events benign by ranges together as each range', () => {
    const applied = [
      { id: 'p', principal: 'x', principal_field: 'name' as const, action: null, cidr: null },
      {
        id: 'r1',
        principal: null,
        principal_field: 'name' as const,
        action: null,
        cidr: '10.0.0.0/8',
      },
      {
        id: 'r2',
        principal: null,
        principal_field: 'name' as const,
        action: null,
        cidr: '11.0.0.0/8',
      },
    ];
    const row = (ids: string[]) => ({ day: null, action: null, principal: null, entry_ids: ids });
    expect(hidingEntries([row(['p']), row(['p'])], applied)).toBe(1);
    expect(hidingEntries([row(['p', SEVERAL_RANGES])], applied)).toBe(3);
  });
});
