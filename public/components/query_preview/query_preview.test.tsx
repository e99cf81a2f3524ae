import React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { renderWithProviders } from '../../../test/helpers/render';
import { QueryPreview } from './query_preview';

describe('QueryPreview', () => {
  it('shows the query as an ES|QL code block', () => {
    renderWithProviders(
      <QueryPreview query={'FROM logs-azure.*\n| LIMIT 1000'} assumesAllSources={false} />
    );
    fireEvent.click(screen.getByText('ES|QL query that will run'));
    const code = screen.getByTestId(DATA_TEST_SUBJ.queryPreviewCode);
    expect(code.textContent).toBe('FROM logs-azure.*\n| LIMIT 1000');
    // EUI highlights it as ES|QL (checked in the browser tests, where EUI renders for real: the
    // jsdom tests use EUI's test build, whose code block does not highlight).
    expect(code).toHaveAttribute('data-code-language', 'esql');
    expect(screen.getByText(/sends them as ES\|QL params/)).toBeInTheDocument();
  });

  it('says why there is no query', () => {
    renderWithProviders(
      <QueryPreview unavailableReason="No query can be built" assumesAllSources />
    );
    expect(screen.getByText('No query can be built')).toBeInTheDocument();
    expect(
      screen.getByText(/until then this shows the query with all of them/)
    ).toBeInTheDocument();
  });
});
