/**
 * What the flyout derives from raw events: an hourly timeline per IP and a summary per IP. An event
 * can carry several source IPs (ES|QL returns them as an array); it counts once under each, as the
 * hunt's `COUNT_DISTINCT(source.ip)` and `VALUES(source.ip)` see them.
 */

const HOUR_MS = 3_600_000;
/** How the tables show an event without a source IP. */
const NO_IP = '—';

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? (value.length ? String(value[0]) : null) : String(value);
}

/** Every source IP of an event, or the placeholder when it has none. */
function ipsOf(event: Record<string, unknown>): string[] {
  const value = event['source.ip'];
  const values = (Array.isArray(value) ? value : [value]).filter(
    (item) => item !== null && item !== undefined
  );
  return values.length > 0 ? [...new Set(values.map(String))] : [NO_IP];
}

export interface TimelinePoint {
  hour: number;
  ip: string;
  count: number;
}

/** Events per hour and source IP, for a stacked bar chart; hours in UTC like the day bucket. */
export function timeline(events: Array<Record<string, unknown>>): TimelinePoint[] {
  const counts = new Map<string, TimelinePoint>();
  for (const event of events) {
    const time = Date.parse(text(event['@timestamp']) ?? '');
    if (Number.isNaN(time)) continue;
    const hour = Math.floor(time / HOUR_MS) * HOUR_MS;
    for (const ip of ipsOf(event)) {
      const key = `${hour}|${ip}`;
      const point = counts.get(key) ?? { hour, ip, count: 0 };
      point.count += 1;
      counts.set(key, point);
    }
  }
  return [...counts.values()].sort((a, b) => a.hour - b.hour || a.ip.localeCompare(b.ip));
}

export interface IpSummary {
  ip: string;
  country: string | null;
  asOrganization: string | null;
  events: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export function ipSummaries(events: Array<Record<string, unknown>>): IpSummary[] {
  const byIp = new Map<string, IpSummary>();
  for (const event of events) {
    const ips = ipsOf(event);
    const time = text(event['@timestamp']);
    for (const ip of ips) {
      const summary = byIp.get(ip) ?? {
        ip,
        country: null,
        asOrganization: null,
        events: 0,
        firstSeen: null,
        lastSeen: null,
      };
      summary.events += 1;
      // An event's geo and AS describe its address only when it has one.
      if (ips.length === 1) {
        summary.country ??=
          text(event['source.geo.country_name']) ?? text(event['source.geo.country_iso_code']);
        summary.asOrganization ??= text(event['source.as.organization.name']);
      }
      if (time && (!summary.firstSeen || time < summary.firstSeen)) summary.firstSeen = time;
      if (time && (!summary.lastSeen || time > summary.lastSeen)) summary.lastSeen = time;
      byIp.set(ip, summary);
    }
  }
  return [...byIp.values()].sort((a, b) => b.events - a.events || a.ip.localeCompare(b.ip));
}
