/**
 * The case comment as an analyst reads it: rendered with EUI's EuiMarkdownFormat and its default
 * plugins, as Cases renders user comments
 * (elastic/kibana:x-pack/platform/plugins/shared/cases/public/components/markdown_editor/renderer.tsx).
 */
import React from 'react';
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { EuiMarkdownFormat, EuiProvider } from '@elastic/eui';
import { MAX_COMMENT_LENGTH } from '../../../common/constants';
import { buildCaseComment } from '../../../common/hunt/case_comment';
import { HUNT_DEFINITION } from '../../../common/hunt/definition';
import { huntParamsSchema } from '../../../common/hunt/hunt_params';
import { hostileString } from '../../../test/helpers/hostile_string';
import { huntRow } from '../../../test/helpers/hunt_rows';

/** EUI's markdown pipeline (unified, remark, rehype) loads through the transformer on first use. */
jest.setTimeout(60_000);

const LINKS = {
  reopen: '/app/r?l=ENTRA_SP_HUNT_LOCATOR&v=9.5.0&p=abc',
  discover: '/app/r?l=DISCOVER_APP_LOCATOR&v=9.5.0&p=def',
  rerun: '/app/r?l=ENTRA_SP_HUNT_LOCATOR&v=9.5.0&p=ghi',
};

const ROW = huntRow({
  service_principal_name: 'Legacy-Sync',
  action: 'Sign-in activity',
  service_principal_ids: ['c2e85b19-6f47-4a0d-9e53-0000000000b9'],
  ips: ['2001:db8:a:b::1', '198.51.100.12'],
  datasets: ['azure.signinlogs'],
  event_actions: [],
});

function comment(rows = [ROW]) {
  return buildCaseComment({
    definition: HUNT_DEFINITION,
    params: huntParamsSchema.parse({ trusted_cidrs: ['2001:db8::/32', '10.0.0.0/8'] }),
    time: {
      from: 'now-30d',
      to: 'now',
      start: '2026-10-31T01:40:56.000Z',
      end: '2026-11-30T01:40:56.000Z',
    },
    rows,
    query: 'FROM logs-azure.* | LIMIT 1',
    links: LINKS,
  });
}

function rendered(markdown: string) {
  cleanup();
  const { container } = render(
    <EuiProvider colorMode="light">
      <EuiMarkdownFormat textSize="s">{markdown}</EuiMarkdownFormat>
    </EuiProvider>
  );
  const links = [...container.querySelectorAll('a')].map((anchor) => anchor.getAttribute('href'));
  return { text: container.textContent ?? '', links };
}

describe('case comment, as Cases renders it', () => {
  it('shows times, addresses, ranges, the principal name and id without escapes, and only our links', () => {
    const { text, links } = rendered(comment());
    expect(text).not.toContain('\\');
    expect(text).toContain('2026-10-31T01:40:56.000Z');
    expect(text).toContain('2001:db8::/32');
    // An IPv6 address keeps its `:b:` (no emoji shortcode).
    expect(text).toContain('2001:db8:a:b::1');
    expect(text).toContain('Legacy-Sync');
    expect(text).toContain('c2e85b19-6f47-4a0d-9e53-0000000000b9');
    expect(text).toContain('Sign-in activity');
    expect(text).toContain('Entra ID sign-in logs');
    expect(links.sort()).toEqual(Object.values(LINKS).sort());
  });

  it('data cannot forge a link, markup or an emoji, and shows as written', () => {
    const forged = [
      '[click](javascript:alert(1))',
      'see https://evil.example/login or www.evil.example',
      '<img src=x onerror=alert(1)> :smile: *bold* `code` a|b',
      'admin@evil.example',
    ];
    for (const name of forged) {
      const { text, links } = rendered(comment([{ ...ROW, service_principal_name: name }]));
      expect(text).toContain(name);
      expect(links.sort()).toEqual(Object.values(LINKS).sort());
    }
  });

  it('any principal name renders as its own text, with no link of its own', () => {
    fc.assert(
      fc.property(hostileString, (name) => {
        const { text, links } = rendered(comment([{ ...ROW, service_principal_name: name }]));
        // Line breaks and runs of spaces collapse in HTML; everything else shows as written.
        const visible = name.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
        if (visible.length <= 200 && !/\s{2}/.test(visible)) expect(text).toContain(visible);
        expect(links.sort()).toEqual(Object.values(LINKS).sort());
      }),
      { numRuns: 60 }
    );
  });

  it('stays within Cases limit with many rows and says how many it left out', () => {
    const rows = Array.from({ length: 3_000 }, (_, index) =>
      huntRow({ service_principal_name: `principal${index}`, event_actions: [] })
    );
    const markdown = comment(rows);
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const { text } = rendered(markdown);
    expect(text).toMatch(/and \d+ more findings/);
  });
});
