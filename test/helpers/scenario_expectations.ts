/**
 * What the hunt and its pivots should return on the scenario, computed with plain loops over the
 * scenario documents, from the published hunt's text (test/fixtures/seed/seed-query.esql) and
 * Elasticsearch's documented reading of fields, never from the query builder, the queries or the
 * fake Elasticsearch. A wrong query therefore fails against it.
 *
 * How fields read (ES|QL docs, "ES|QL multivalued fields"): a field is the set of its values
 * (keywords and IPs de-duplicated; an IP in its canonical form: IPv4-mapped as IPv4, IPv6
 * compressed); a missing field is null. `STATS … BY` puts an event in the group of each value of a
 * multi-valued key. The IPs here are canonicalised with Node's own URL parser, independently of the
 * interpreter's code.
 */
import { BlockList, isIPv4, isIPv6 } from 'net';
import type { ScenarioDocument } from '../fixtures/scenario/build_scenario';

const DAY_MS = 86_400_000;

const AUDIT_NAME = 'azure.auditlogs.properties.initiated_by.app.displayName';
const AUDIT_ID = 'azure.auditlogs.properties.initiated_by.app.servicePrincipalId';
const SIGNIN_NAME = 'azure.signinlogs.properties.service_principal_name';
const SIGNIN_ID = 'azure.signinlogs.properties.service_principal_id';
const GRAPH_ID = 'azure.graphactivitylogs.properties.service_principal_id';
const O365_USER = 'o365.audit.UserId';
const O365_CATEGORY = 'o365.audit.ExtendedProperties.extendedAuditEventCategory';

export const ALL_DATASETS = [
  'azure.auditlogs',
  'azure.signinlogs',
  'o365.audit',
  'azure.graphactivitylogs',
] as const;
type Dataset = (typeof ALL_DATASETS)[number];

/** The seed's fields per data source, and its COALESCE orders. */
const SELECTOR: Record<Dataset, string> = {
  'azure.signinlogs': SIGNIN_NAME,
  'azure.auditlogs': AUDIT_ID,
  'azure.graphactivitylogs': GRAPH_ID,
  'o365.audit': O365_CATEGORY,
};
const NAME_FIELDS: Record<Dataset, string[]> = {
  'azure.auditlogs': [AUDIT_NAME],
  'azure.signinlogs': [SIGNIN_NAME],
  'o365.audit': [O365_USER],
  'azure.graphactivitylogs': [],
};
const ID_FIELDS: Record<Dataset, string[]> = {
  'azure.auditlogs': [AUDIT_ID],
  'azure.signinlogs': [SIGNIN_ID],
  'o365.audit': [O365_USER],
  'azure.graphactivitylogs': [GRAPH_ID],
};
const NAME_ORDER = [AUDIT_NAME, SIGNIN_NAME, O365_USER];
const ID_ORDER = [AUDIT_ID, GRAPH_ID, O365_USER, SIGNIN_ID];

function field(source: Record<string, unknown>, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A field's values as a set of strings (what keyword doc values hold). */
function values(source: Record<string, unknown>, path: string): string[] {
  const value = field(source, path);
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.filter((item) => item !== null && item !== undefined).map(String))];
}

/** An address as Elasticsearch returns it, worked out with the WHATWG URL parser. */
export function canonicalAddress(text: string): string {
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) throw new Error(`not an address: ${text}`);
  const host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!mapped) return host;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

export interface ScenarioEvent {
  document: ScenarioDocument;
  time: number;
  dataset: string;
  actions: string[];
  names: string[];
  ids: string[];
  ips: string[];
}

export interface HuntExpectation {
  /** The hunt window, start excluded and end included (`@timestamp > start`, filter `lte: end`). */
  start: number;
  end: number;
  maxDaily?: number;
  minIps?: number;
  groupBy?: 'name' | 'id';
  trustedCidrs?: string[];
  datasets?: readonly Dataset[];
  /** The space's active benign entries: their events are not counted. */
  benign?: BenignSpec[];
}

/** A benign allowlist entry as the page describes it: a principal (and action) or a range. */
export interface BenignSpec {
  principal?: string;
  field?: 'name' | 'id';
  action?: string;
  cidr?: string;
}

/**
 * An event a benign entry covers: one of its principal's values (names or ids, per the entry) is
 * the entry's, and so is one of its actions when the entry names one; or every one of its
 * addresses (up to four) lies in the trusted ranges and the entries' ranges together.
 */
export function isBenign(event: ScenarioEvent, specs: BenignSpec[], trustedCidrs: string[]) {
  for (const spec of specs) {
    if (spec.principal === undefined) continue;
    const principals = (spec.field ?? 'name') === 'name' ? event.names : event.ids;
    if (!principals.includes(spec.principal)) continue;
    if (spec.action === undefined || event.actions.includes(spec.action)) return true;
  }
  const ranges = specs.flatMap((spec) => (spec.cidr === undefined ? [] : [spec.cidr]));
  return ranges.length > 0 && !passesIpFilter(event, [...trustedCidrs, ...ranges]);
}

/** The first field of `order` (among the chosen sources' fields) that has a value, all its values. */
function coalesce(
  source: Record<string, unknown>,
  order: string[],
  contributed: ReadonlySet<string>
): string[] {
  for (const path of order) {
    if (!contributed.has(path)) continue;
    const found = values(source, path);
    if (found.length > 0) return found;
  }
  return [];
}

/** Events the hunt looks at: the index patterns, the window, the chosen sources and selectors. */
export function selectedEvents(
  documents: ScenarioDocument[],
  expectation: HuntExpectation
): ScenarioEvent[] {
  const datasets = expectation.datasets ?? ALL_DATASETS;
  const names = new Set(datasets.flatMap((dataset) => NAME_FIELDS[dataset]));
  const ids = new Set(datasets.flatMap((dataset) => ID_FIELDS[dataset]));
  const events: ScenarioEvent[] = [];
  for (const document of documents) {
    const source = document._source;
    if (!/^logs-azure\./.test(document._index) && !/^logs-o365\.audit-/.test(document._index)) {
      continue;
    }
    const time = Date.parse(String(field(source, '@timestamp')));
    if (!(time > expectation.start && time <= expectation.end)) continue;
    const dataset = String(field(source, 'event.dataset'));
    if (!(datasets as readonly string[]).includes(dataset)) continue;
    const selected = datasets.some((candidate) => {
      const found = values(source, SELECTOR[candidate]);
      // `category == "ServicePrincipal"` is null (not true) for a multi-valued category.
      return candidate === 'o365.audit'
        ? found.length === 1 && found[0] === 'ServicePrincipal'
        : found.length > 0;
    });
    if (!selected) continue;
    events.push({
      document,
      time,
      dataset,
      actions: values(source, 'event.action'),
      names: coalesce(source, NAME_ORDER, names),
      ids: coalesce(source, ID_ORDER, ids),
      ips: [...new Set(values(source, 'source.ip').map(canonicalAddress))],
    });
  }
  return events;
}

function trusted(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/');
    list.addSubnet(network, Number(prefix), isIPv6(network) ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** How many of an event's addresses the hunt checks one by one (the published contract). */
export const ADDRESSES_CHECKED = 4;

/**
 * The hunt's IP filter: an event needs an address, and with trusted ranges it is dropped only when
 * every one of its addresses is trusted (checked up to four addresses; an event with more is
 * kept). A kept event keeps all its addresses, the trusted ones included.
 */
export function passesIpFilter(event: ScenarioEvent, cidrs: string[]): boolean {
  if (event.ips.length === 0) return false;
  if (cidrs.length === 0 || event.ips.length > ADDRESSES_CHECKED) return true;
  const list = trusted(cidrs);
  return !event.ips.every((ip) => list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4'));
}

export interface ExpectedRow {
  day: string;
  action: string | null;
  /** The group key: the name, or the id when grouped by id. */
  principal: string | null;
  events: ScenarioEvent[];
  ips: string[];
  datasets: string[];
  /** The other identity's values (ids when grouped by name). */
  others: string[];
  actions: string[];
}

function utcDay(time: number): string {
  return new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString();
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Every group of the hunt's STATS before the thresholds, keyed as the rows are. */
export function huntGroups(
  documents: ScenarioDocument[],
  expectation: HuntExpectation
): ExpectedRow[] {
  const byName = (expectation.groupBy ?? 'name') === 'name';
  const cidrs = expectation.trustedCidrs ?? [];
  const groups = new Map<string, ExpectedRow>();
  for (const event of selectedEvents(documents, expectation)) {
    if (!passesIpFilter(event, cidrs)) continue;
    if (expectation.benign && isBenign(event, expectation.benign, cidrs)) continue;
    const principals = byName ? event.names : event.ids;
    const day = utcDay(event.time);
    for (const action of event.actions.length ? event.actions : [null]) {
      for (const principal of principals.length ? principals : [null]) {
        const key = JSON.stringify([action, principal, day]);
        const group = groups.get(key) ?? {
          day,
          action,
          principal,
          events: [],
          ips: [],
          datasets: [],
          others: [],
          actions: [],
        };
        group.events.push(event);
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()].map((group) => ({
    ...group,
    ips: union(group.events.map((event) => event.ips)),
    datasets: union(group.events.map((event) => [event.dataset])),
    others: union(group.events.map((event) => (byName ? event.ids : event.names))),
    actions: union(group.events.map((event) => event.actions)),
  }));
}

/** The rows the hunt returns: groups within the thresholds. */
export function expectedHuntRows(
  documents: ScenarioDocument[],
  expectation: HuntExpectation
): ExpectedRow[] {
  const maxDaily = expectation.maxDaily ?? 5;
  const minIps = expectation.minIps ?? 2;
  return huntGroups(documents, expectation).filter(
    (group) => group.events.length <= maxDaily && group.ips.length >= minIps
  );
}

export type ValueKind =
  'service_principal_name' | 'service_principal_id' | 'source.ip' | 'event.action';

/**
 * Every event of one value in the hunt's window and sources (no IP filter: it is not the row),
 * from the events `selectedEvents` returned for that window.
 */
export function expectedValueEvents(
  selected: ScenarioEvent[],
  kind: ValueKind,
  value: string
): ScenarioEvent[] {
  const pick = (event: ScenarioEvent): string[] => {
    if (kind === 'service_principal_name') return event.names;
    if (kind === 'service_principal_id') return event.ids;
    if (kind === 'event.action') return event.actions;
    return event.ips;
  };
  const wanted = kind === 'source.ip' ? canonicalAddress(value) : value;
  return selected.filter((event) => pick(event).includes(wanted));
}

/** One event as a comparable key; a pivot's returned record maps to the same key. */
export function eventKey(event: {
  time: number;
  dataset: string;
  actions: string[];
  names: string[];
  ids: string[];
  ips: string[];
}): string {
  const sorted = (list: string[]) => [...list].sort().join(',');
  return [
    new Date(event.time).toISOString(),
    event.dataset,
    sorted(event.actions),
    sorted(event.names),
    sorted(event.ids),
    sorted(event.ips),
  ].join(' | ');
}

function asList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** The key of a record a pivot query returned (its KEEP columns). */
export function recordKey(record: Record<string, unknown>): string {
  return eventKey({
    time: Date.parse(String(record['@timestamp'])),
    dataset: String(record['event.dataset']),
    actions: asList(record['event.action']),
    names: asList(record.service_principal_name),
    ids: asList(record.service_principal_id),
    ips: asList(record['source.ip']),
  });
}

/** Per IP: how many events carry it, as the flyout's IP table should count them. */
export function eventsPerIp(events: ScenarioEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    for (const ip of event.ips) counts.set(ip, (counts.get(ip) ?? 0) + 1);
  }
  return counts;
}

/** One document field's values as strings (keyword/long doc values), for the geo/AS fields. */
export function sourceValues(event: ScenarioEvent, path: string): string[] {
  return values(event.document._source, path);
}

export interface ExpectedPrevalence {
  events: number;
  principals: string[];
  countries: string[];
  networks: string[];
}

/**
 * "How common" and "where from" for one address in the hunt's window: every selected event that
 * carries it (any principal, any action; no trusted-range filter: the address is the subject), the
 * principals of those events (names or ids, each value of a multi-valued one), and the country
 * codes and AS numbers of those events that carry this one address alone.
 */
export function expectedPrevalence(
  selected: ScenarioEvent[],
  ip: string,
  groupBy: 'name' | 'id' = 'name'
): ExpectedPrevalence {
  let events = 0;
  const principals = new Set<string>();
  const countries = new Set<string>();
  const networks = new Set<string>();
  for (const event of selected) {
    if (!event.ips.includes(ip)) continue;
    events += 1;
    for (const principal of groupBy === 'name' ? event.names : event.ids) principals.add(principal);
    if (event.ips.length !== 1) continue;
    for (const code of sourceValues(event, 'source.geo.country_iso_code')) countries.add(code);
    for (const number of sourceValues(event, 'source.as.number')) networks.add(number);
  }
  return {
    events,
    principals: [...principals].sort(),
    countries: [...countries].sort(),
    networks: [...networks].sort(),
  };
}

/** "How new": a principal's addresses and actions among the events of the baseline window. */
export function expectedBaseline(
  baselineEvents: ScenarioEvent[],
  principal: string,
  groupBy: 'name' | 'id' = 'name'
): { events: number; ips: string[]; actions: string[] } {
  let events = 0;
  const ips = new Set<string>();
  const actions = new Set<string>();
  for (const event of baselineEvents) {
    if (!(groupBy === 'name' ? event.names : event.ids).includes(principal)) continue;
    events += 1;
    for (const ip of event.ips) ips.add(ip);
    for (const action of event.actions) actions.add(action);
  }
  return { events, ips: [...ips].sort(), actions: [...actions].sort() };
}
