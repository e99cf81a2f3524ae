import fc from 'fast-check';
import { hostileString } from '../../test/helpers/hostile_string';
import { HUNT_DEFINITION } from './definition';
import { MAX_COMMENT_LENGTH } from '../constants';
import { buildCaseComment, escapeMarkdown, fencedBlock } from './case_comment';
import { huntParamsSchema } from './hunt_params';
import { huntRow } from '../../test/helpers/hunt_rows';

const row = huntRow({ event_actions: [] });

const input = {
  definition: HUNT_DEFINITION,
  params: huntParamsSchema.parse({ trusted_cidrs: ['10.0.0.0/8'] }),
  time: {
    from: 'now-30d',
    to: 'now',
    start: '2026-10-28T12:00:00.000Z',
    end: '2026-11-27T12:00:00.000Z',
  },
  rows: [row],
  query: 'FROM logs-azure.*\n| LIMIT 1000',
  links: {
    reopen: '/app/r?l=ENTRA_SP_HUNT_LOCATOR&v=9.3.0&p=%7B%7D',
    discover: '/app/r?l=DISCOVER_APP_LOCATOR&v=9.3.0&p=%7B%7D',
  },
};

describe('case comment', () => {
  it('holds the hunt name, parameters, window, findings with principal id, query and links', () => {
    const comment = buildCaseComment(input);
    expect(comment).toContain(
      '### Microsoft Entra ID Rare Service Principal Activity from Multiple IPs'
    );
    expect(comment).toContain('at most 5 events a day, from at least 2 distinct IPs');
    expect(comment).toContain('Trusted IP ranges: `10.0.0.0/8`');
    expect(comment).toContain(
      'after `2026-10-28T12:00:00.000Z`, up to and including `2026-11-27T12:00:00.000Z`'
    );
    const finding = comment.split('\n').find((line) => line.startsWith('| Managed'));
    expect(finding).toContain('| Managed Service Identity |');
    expect(finding).toContain('| Add service principal credentials | `2026-11-20` |');
    for (const id of row.service_principal_ids) expect(finding).toContain(`\`${id}\``);
    expect(finding).toContain('`1.128.3.4`, `198.51.100.12`');
    expect(comment).toContain('```esql\nFROM logs-azure.*\n| LIMIT 1000\n```');
    expect(comment).toContain(
      '[Reopen this hunt](</app/r?l=ENTRA_SP_HUNT_LOCATOR&v=9.3.0&p=%7B%7D>)'
    );
    expect(comment).toContain('[Open the hunt in Discover](</app/r?l=DISCOVER_APP_LOCATOR');
  });

  it('stays within what Cases accepts, counting the findings it leaves out', () => {
    const rows = Array.from({ length: 2_000 }, (_, index) =>
      huntRow({ service_principal_name: `principal${index}`, event_actions: [] })
    );
    const comment = buildCaseComment({ ...input, rows });
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const listed = comment.split('\n').filter((line) => line.startsWith('| principal')).length;
    expect(listed).toBeGreaterThan(10);
    expect(comment).toContain(`and ${rows.length - listed} more findings`);
    // Every listed row is whole: the cut falls between rows, never inside one.
    expect(comment).toContain(`| principal${listed - 1} |`);
    expect(comment).not.toContain(`| principal${listed} |`);
  });

  it('a fence stays closed whatever the query holds', () => {
    expect(fencedBlock('esql', 'a ``` b')).toBe('````esql\na ``` b\n````');
  });

  it('values from the data cannot forge links, rows or markup', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const escaped = escapeMarkdown(value);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(escaped).not.toMatch(/(^|[^\\])[[\]()|`<>*_:]/);
      }),
      { numRuns: 1000 }
    );
    expect(escapeMarkdown('see https://3232235777/login or www.evil.example')).toBe(
      'see https&#58;//3232235777/login or www\\.evil\\.example'
    );
    const comment = buildCaseComment({
      ...input,
      rows: [{ ...row, service_principal_name: '[click](javascript:alert(1)) | x |\n| y' }],
    });
    expect(comment).toContain('\\[click\\]\\(javascript&#58;alert\\(1\\)\\) \\| x \\| \\| y');
    expect(
      comment.split('\n').filter((line) => line.startsWith('| ') && line.endsWith(' |'))
    ).toHaveLength(3);
  });

  it('says which findings are new since the previous run, with its instant, fixed in the text', () => {
    const planted = huntRow({ event_actions: [], service_principal_name: 'Planted App' });
    const rows = [row, planted];
    const comment = buildCaseComment({
      ...input,
      rows,
      sinceLastRun: { previousRanAt: '2026-11-23T09:00:00.000Z', newRows: new Set([planted]) },
    });
    expect(comment).toContain(
      '- New since the previous run of this view (`2026-11-23T09:00:00.000Z`): 1 of these 2, marked \\(new\\) after their day'
    );
    const lines = comment.split('\n');
    // Plain reading of the table: the planted row carries the mark, the other does not.
    const plantedLine = lines.find((line) => line.startsWith('| Planted App'));
    const otherLine = lines.find((line) => line.startsWith('| Managed'));
    expect(plantedLine).toContain('| `2026-11-20` \\(new\\) |');
    expect(otherLine).toContain('| `2026-11-20` |');
    expect(otherLine).not.toContain('(new');
    // Without history nothing changes; a first run says there was nothing to compare with.
    expect(buildCaseComment({ ...input, rows })).not.toContain('new');
    expect(buildCaseComment({ ...input, rows, sinceLastRun: { newRows: new Set() } })).toContain(
      'no earlier run of this view to compare with'
    );
  });
});
