/**
 * The markdown a case receives for the findings added to it: what was hunted, over which window,
 * each finding (principal name and id, action, day, counts, IPs, data source), the exact query,
 * and links back to the evidence.
 *
 * Written for the renderer Cases uses: EUI's EuiMarkdownFormat with its default plugins
 * (elastic/kibana:x-pack/platform/plugins/shared/cases/public/components/markdown_editor/renderer.tsx
 * and use_plugins.ts). EUI parses with a fork of remark-parse 8 in GFM mode, where only
 * `\ ` * _ { } [ ] ( ) # + - . ! > ~ |` can be backslash-escaped (markdown-escapes' `gfm` list): a
 * backslash before anything else, `:` for one, stays on screen. So values from the data are
 * written this way:
 * - GFM's escapable characters get a backslash (`\[`, `\.` …): no markup, no table cell breaks,
 *   no `www.` autolink, no `!{tooltip…}` or `!{lens…}` plugin;
 * - `&`, `<`, `:` and `@` become character references (`&amp;`, `&lt;`, `&#58;`, `&#64;`): no HTML,
 *   no `https://` or e-mail autolink, no `:emoji:` shortcode, and nothing the Cases sanitiser
 *   (…/markdown_editor/sanitize_markdown.ts, which rewrites bare `&`) changes;
 * - addresses, ids, instants and patterns go in code spans, which the emoji plugin does not touch
 *   (an IPv6 address such as 2001:db8:a:b::1 would otherwise show :b: as an emoji).
 * Links are written only by this module, for URLs the plugin built.
 *
 * Cases refuses a comment longer than MAX_COMMENT_LENGTH, so the comment is built to fit: the
 * findings that do not fit are counted ("and N more findings"), and optional parts give way first.
 */
import { MAX_COMMENT_LENGTH } from '../constants';
import { DATA_SOURCES, type Dataset } from './data_sources';
import type { HuntDefinition } from './definition';
import type { HuntParams } from './hunt_params';
import type { HuntRow } from './shape_results';
import type { ResolvedTimeRange } from './time_range';

/** GFM's backslash-escapable punctuation (markdown-escapes `gfm`), which renders without it. */
const GFM_ESCAPABLE = /[\\`*_{}[\]()#+\-.!>~|]/g;
/** Characters written as references: each would otherwise start HTML, a link or an emoji. */
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  ':': '&#58;',
  '@': '&#64;',
};
const REFERENCED = /[&<:@]/g;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
/** A code span cannot hold these safely in a table cell or under the Cases sanitiser. */
const NOT_FOR_CODE = /[`|&\r\n]/;
/** A value from the data longer than this is cut: a comment lists findings, not payloads. */
export const MAX_VALUE_CHARS = 200;
/** Values listed from one list (IPs, ids, trusted ranges) before "and N more". */
export const MAX_LISTED_VALUES = 20;
const NO_VALUE = '—';

function cut(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/**
 * Text from the data as it must read in a paragraph, list item or table cell: the same
 * characters on screen, and no markup, link, HTML, emoji or new row.
 */
export function escapeMarkdown(text: string): string {
  return cut(text)
    .replace(LINE_BREAKS, ' ')
    .replace(GFM_ESCAPABLE, (char) => `\\${char}`)
    .replace(REFERENCED, (char) => REFERENCES[char] ?? char);
}

/** A value in a code span where that is safe (addresses, ids, instants), escaped text otherwise. */
export function codeValue(text: string): string {
  const value = cut(text);
  return NOT_FOR_CODE.test(value) || value.trim() !== value || value === ''
    ? escapeMarkdown(value)
    : `\`${value}\``;
}

/** A fenced block longer than any backtick run inside, so the content cannot close it. */
export function fencedBlock(language: string, content: string): string {
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

/** Only the plugin's own URLs go in a link; angle brackets keep any space or bracket inside. */
function link(label: string, url: string): string {
  const safe = url.replace(/[<>\s]/g, encodeURIComponent);
  return `[${escapeMarkdown(label)}](<${safe}>)`;
}

function listOf(values: readonly string[], render: (value: string) => string): string {
  if (values.length === 0) return NO_VALUE;
  const shown = values.slice(0, MAX_LISTED_VALUES).map(render).join(', ');
  const more = values.length - MAX_LISTED_VALUES;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function dataSource(dataset: string): string {
  const known = DATA_SOURCES[dataset as Dataset];
  return known ? `${escapeMarkdown(known.title)} (${codeValue(dataset)})` : codeValue(dataset);
}

export interface CaseCommentLinks {
  /** Reopens this view and runs it over the same window (the plugin's locator). */
  reopen?: string;
  /** Reopens it over the range resolved again when opened, when the range is relative. */
  rerun?: string;
  /** The hunt's rows of this window in Discover. */
  discover?: string;
  /** The Discover session saved for these findings. */
  session?: { id?: string; title: string; url?: string; attached: boolean };
}

export interface CaseCommentInput {
  definition: HuntDefinition;
  params: Omit<HuntParams, 'window'>;
  /** The analyst's range and the run's instants. */
  time: ResolvedTimeRange;
  rows: HuntRow[];
  /** The query with the window written as its instants (what the links and session run). */
  query: string;
  links?: CaseCommentLinks;
  /** Cases' limit; a test may ask for less. */
  maxLength?: number;
  /**
   * How the findings compare with the view's previous complete run (run history): its instant,
   * or none for a first run, and the rows new since. Written into the comment as it stands now.
   */
  sinceLastRun?: { previousRanAt?: string; newRows: ReadonlySet<HuntRow> };
}

/** Written after a new finding's day: short, and it reads the same in every renderer. */
export const NEW_FINDING_MARK = '(new)';

const TABLE_HEADER = [
  '| Service principal | Principal id | Action | Day (UTC) | Events | IPs | Source IPs | Data source |',
  '| --- | --- | --- | --- | ---: | ---: | --- | --- |',
];

/** Names and ids of the row's principal, whichever the hunt grouped by. */
function principalOf(row: HuntRow, groupBy: HuntParams['group_by']) {
  const names =
    groupBy === 'name'
      ? row.service_principal_name === null
        ? []
        : [row.service_principal_name]
      : row.service_principal_names;
  const ids =
    groupBy === 'id'
      ? row.service_principal_id === null
        ? []
        : [row.service_principal_id]
      : row.service_principal_ids;
  return { names, ids };
}

function findingLine(row: HuntRow, groupBy: HuntParams['group_by'], isNew: boolean): string {
  const { names, ids } = principalOf(row, groupBy);
  const day = row.day ? codeValue(row.day.slice(0, 10)) : NO_VALUE;
  return [
    '',
    names.length ? listOf(names, escapeMarkdown) : '(no name)',
    listOf(ids, codeValue),
    escapeMarkdown(row.action ?? NO_VALUE),
    isNew ? `${day} ${escapeMarkdown(NEW_FINDING_MARK)}` : day,
    String(row.daily_action_count),
    String(row.distinct_ips),
    listOf(row.ips, codeValue),
    listOf(row.datasets, dataSource),
    '',
  ]
    .join(' | ')
    .trim();
}

function moreLine(count: number): string {
  return `…and ${count} more finding${count === 1 ? '' : 's'}, not listed to keep this comment within what Cases accepts; the Discover session and the links below hold every one.`;
}

function evidenceLines(time: ResolvedTimeRange, links: CaseCommentLinks): string[] {
  const range = `${escapeMarkdown(time.from)} to ${escapeMarkdown(time.to)}`;
  const lines: string[] = [];
  if (links.session?.attached) {
    lines.push(
      `- The Discover session ${escapeMarkdown(`"${links.session.title}"`)} is attached to this case: it opens these findings over the same window.`
    );
  } else if (links.session?.url) {
    lines.push(
      `- ${link(`Discover session "${links.session.title}"`, links.session.url)}: these findings, over the same window.`
    );
  }
  if (links.reopen) lines.push(`- ${link('Reopen this hunt', links.reopen)} over the same window.`);
  if (links.discover)
    lines.push(`- ${link('Open the hunt in Discover', links.discover)} over the same window.`);
  if (links.rerun)
    lines.push(
      `- ${link('Run the hunt again', links.rerun)} over ${range} resolved when opened: later data than above.`
    );
  return lines;
}

export function buildCaseComment({
  definition,
  params,
  time,
  rows,
  query,
  links = {},
  maxLength = MAX_COMMENT_LENGTH,
  sinceLastRun,
}: CaseCommentInput): string {
  const count = rows.length;
  const isNew = (row: HuntRow) => sinceLastRun?.newRows.has(row) ?? false;
  const newCount = rows.filter(isNew).length;
  const sinceLines = !sinceLastRun
    ? []
    : sinceLastRun.previousRanAt === undefined
      ? ['- Since the last run: no earlier run of this view to compare with, so none is marked new']
      : [
          `- New since the previous run of this view (${codeValue(sinceLastRun.previousRanAt)}): ${newCount} of these ${count}, marked ${escapeMarkdown(NEW_FINDING_MARK)} after their day`,
        ];
  const head = [
    `### ${escapeMarkdown(definition.name)}`,
    '',
    `${count} finding${count === 1 ? '' : 's'} from the hunt (MITRE ATT&CK ${definition.mitre
      .map((technique) => escapeMarkdown(technique.id))
      .join(', ')}).`,
    '',
    `- Window: after ${codeValue(time.start)}, up to and including ${codeValue(time.end)} (UTC): the range ${escapeMarkdown(time.from)} to ${escapeMarkdown(time.to)} as it resolved when the hunt ran`,
    `- Rare: at most ${params.max_daily_actions} events a day, from at least ${params.min_distinct_ips} distinct IPs`,
    `- Grouped by service principal ${params.group_by}; data sources: ${listOf(params.datasets, dataSource)}; index patterns: ${listOf(params.index_patterns, codeValue)}`,
    `- Trusted IP ranges: ${listOf(params.trusted_cidrs, codeValue)}`,
    ...sinceLines,
    '',
  ];
  const rowLines = rows.map((row) => findingLine(row, params.group_by, isNew(row)));

  // Optional parts, most useful first; the last ones give way when the comment must shrink.
  const queryLines = [
    '',
    'The query, with the window written as its instants:',
    '',
    fencedBlock('esql', query),
  ];
  const optional: Array<{ evidence: string } | { query: string[] }> = [
    ...evidenceLines(time, links).map((line) => ({ evidence: line })),
    { query: queryLines },
  ];
  const assemble = (listed: string[], notListed: number, parts: typeof optional) => {
    const lines = [...head, ...TABLE_HEADER, ...listed];
    if (notListed > 0) lines.push('', moreLine(notListed));
    const evidence = parts.flatMap((part) => ('evidence' in part ? [part.evidence] : []));
    if (evidence.length) lines.push('', '**Evidence**', '', ...evidence);
    for (const part of parts) if ('query' in part) lines.push(...part.query);
    return lines.join('\n');
  };
  // Room for at least one finding, or for the count of those not listed.
  const firstRow = rowLines.slice(0, 1);
  while (optional.length > 0 && assemble(firstRow, count - 1, optional).length > maxLength) {
    optional.pop();
  }
  // `count` bounds the length of the "and N more" line, so rows added under this budget fit.
  let used = assemble([], count, optional).length;
  const listed: string[] = [];
  for (const line of rowLines) {
    if (used + line.length + 1 > maxLength) break;
    listed.push(line);
    used += line.length + 1;
  }
  return assemble(listed, count - listed.length, optional);
}
