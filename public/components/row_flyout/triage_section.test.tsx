import React from 'react';
import { screen } from '@testing-library/react';
import { indexTriage, triageRow } from '../../../common/hunt/triage';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { huntRow, ipTriage, triageResponse } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { TriageSection } from './triage_section';

/** First render of EUI components in a file is slow in jsdom on a loaded machine. */
jest.setTimeout(30_000);

const row = huntRow({
  service_principal_name: 'Managed Service Identity',
  ips: ['1.128.3.4', '198.51.100.12'],
});

/** 1.128.3.4 is shared by Managed Service Identity and 27 others; 198.51.100.12 by no one. */
const others = Array.from({ length: 27 }, (_unused, index) => `automation-${index + 10}`);
const triage = triageResponse({
  ips: [
    ipTriage({
      ip: '1.128.3.4',
      events: 300,
      principals: 28,
      principal_values: ['Managed Service Identity', ...others].sort().slice(0, 25),
      country_name: ['Australia'],
      as_org: ['Telstra Pty Ltd'],
      as_number: ['1221'],
    }),
    ipTriage({ ip: '198.51.100.12', events: 2, principals: 1, country_name: ['Germany'] }),
  ],
  baseline: [
    {
      principal: 'Managed Service Identity',
      events: 9,
      ips: ['1.128.3.4'],
      actions: ['Update service principal'],
      first_seen: '2026-10-01T00:00:00.000Z',
    },
  ],
});

describe('TriageSection', () => {
  it('shows each address with where it is, who else uses it and whether it is new', () => {
    const reading = triageRow(row, indexTriage(triage), 'name');
    renderWithProviders(<TriageSection triage={reading} loading={false} baselineDays={30} />);
    const section = screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutTriage);
    expect(section).toHaveTextContent('The action is new for this principal.');
    expect(section).toHaveTextContent('1 address is new.');
    expect(section).toHaveTextContent('Telstra Pty Ltd');
    expect(section).toHaveTextContent('shared');
    expect(section).toHaveTextContent('new IP');
    // The row's own principal is not "someone else"; 24 of the 27 others are named, 3 counted.
    const whoElse = screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutWhoElse);
    expect(whoElse).not.toHaveTextContent('Managed Service Identity');
    expect(whoElse).toHaveTextContent('automation-10');
    expect(whoElse).toHaveTextContent('and 3 more');
  });

  it('says once that country and network are unknown when the fields are not mapped', () => {
    const bare = triageResponse({
      ips: [ipTriage({ ip: '1.128.3.4' }), ipTriage({ ip: '198.51.100.12' })],
      missing_geo_fields: [
        'source.geo.country_iso_code',
        'source.geo.country_name',
        'source.as.organization.name',
        'source.as.number',
      ],
    });
    const reading = triageRow(row, indexTriage(bare), 'name');
    renderWithProviders(<TriageSection triage={reading} loading={false} baselineDays={30} />);
    expect(screen.getAllByText(/map no source\.geo or source\.as fields/)).toHaveLength(1);
    expect(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutTriage)).toHaveTextContent(
      'has no event in the 30 days before the window'
    );
  });
});
