/**
 * The markdown a case receives for selected rows: what was hunted, over which window, what was
 * found, the exact query, and links back to this view and to the raw events. Every value from the
 * data is escaped, so a principal named like a link or a table cannot forge one.
 */
import type { HuntDefinition } from './definition';
import type { HuntParams } from './hunt_params';
import type { HuntRow } from './shape_results';

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&":]/g;
const LINE_BREAKS = /[\r\n]+/g;

/**
 * Escapes text for a markdown paragraph or table cell: no markup, no new rows, and no links, not
 * even the bare `https://…` or `www.…` that GitHub-flavoured markdown turns into one.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** A fenced block longer than any backtick run inside, so the content cannot close it. */
export function fencedBlock(language: string, content: string): string {
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

/** Only our own http(s) or relative links go in a link target; angle brackets keep spaces safe. */
function link(label: string, url: string): string {
  const safe = url.replace(/[<>\s]/g, encodeURIComponent);
  return `[${escapeMarkdown(label)}](<${safe}>)`;
}

export interface CaseCommentInput {
  definition: HuntDefinition;
  params: HuntParams;
  time: { start: string; end: string };
  rows: HuntRow[];
  query: string;
  /** Reopens this exact hunt view (the plugin's locator), when it is registered. */
  huntUrl?: string;
  /** The hunt's query in Discover, when Discover is available. */
  discoverUrl?: string;
}

function list(values: string[]): string {
  return values.length ? values.map(escapeMarkdown).join(', ') : '—';
}

export function buildCaseComment({
  definition,
  params,
  time,
  rows,
  query,
  huntUrl,
  discoverUrl,
}: CaseCommentInput): string {
  const principal = (row: HuntRow) =>
    (params.group_by === 'name' ? row.service_principal_name : row.service_principal_id) ??
    '(no name)';
  const lines = [
    `### ${escapeMarkdown(definition.name)}`,
    '',
    `${rows.length} finding${rows.length === 1 ? '' : 's'} from the hunt (MITRE ATT&CK ${definition.mitre.map((t) => t.id).join(', ')}).`,
    '',
    `- Window: ${escapeMarkdown(time.start)} to ${escapeMarkdown(time.end)} (${escapeMarkdown(params.time_range.from)} to ${escapeMarkdown(params.time_range.to)})`,
    `- Rare: at most ${params.max_daily_actions} events a day; from at least ${params.min_distinct_ips} distinct IPs`,
    `- Grouped by service principal ${params.group_by}; data sources: ${list(params.datasets)}; index patterns: ${list(params.index_patterns)}`,
    `- Trusted IP ranges: ${list(params.trusted_cidrs)}`,
    '',
    '| Service principal | Action | Day (UTC) | Events | Source IPs |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${escapeMarkdown(principal(row))} | ${escapeMarkdown(row.action ?? '—')} | ${escapeMarkdown((row.day ?? '').slice(0, 10))} | ${row.daily_action_count} | ${list(row.ips)} |`
    ),
    '',
    fencedBlock('esql', query),
  ];
  if (huntUrl) lines.push('', link('Reopen this hunt', huntUrl));
  if (discoverUrl) lines.push('', link('Open the query in Discover', discoverUrl));
  return lines.join('\n');
}
