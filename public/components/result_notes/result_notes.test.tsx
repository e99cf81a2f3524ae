import React from 'react';
import { screen } from '@testing-library/react';
import {
  COMPLETE_RESULT,
  describeWarnings,
  type ResultNotes,
} from '../../../common/hunt/result_notes';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { renderWithProviders } from '../../../test/helpers/render';
import { ResultNotesCallouts, type NotesSubject } from '.';

function show(notes: Partial<ResultNotes>, subject: NotesSubject = 'rows', limit = 1000) {
  return renderWithProviders(
    <ResultNotesCallouts notes={{ ...COMPLETE_RESULT, ...notes }} subject={subject} limit={limit} />
  );
}

describe('ResultNotesCallouts', () => {
  it('says nothing about a complete answer', () => {
    const { container } = show({});
    expect(container).toBeEmptyDOMElement();
  });

  it('a cut at the row limit is a fact: there are more', () => {
    show({ truncated: true, truncated_by: 'row_limit' }, 'rows', 1000);
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent(
      'Showing the first 1,000 rows: there are more'
    );
  });

  it('a cut by the cluster row cap names the cap and the setting', () => {
    show({ truncated: true, truncated_by: 'row_cap', row_cap: 500 });
    const callout = screen.getByTestId(DATA_TEST_SUBJ.truncated);
    expect(callout).toHaveTextContent('Elasticsearch returns at most 500 rows: there may be more');
    expect(callout).toHaveTextContent('esql.query.result_truncation_max_size');
  });

  it('Elasticsearch default limit, from its warning', () => {
    show({
      truncated: true,
      truncated_by: 'default_limit',
      warnings: describeWarnings(['No limit defined, adding default limit of [1000]']),
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent(
      'default limit of 1,000 rows'
    );
    // Said once, by the truncation callout.
    expect(screen.queryByTestId(DATA_TEST_SUBJ.warnings)).not.toBeInTheDocument();
  });

  it('events and counts say it their way', () => {
    const { unmount } = show({ truncated: true, truncated_by: 'row_limit' }, 'events', 1000);
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent(
      'Showing the first 1,000 events'
    );
    unmount();
    show({ is_partial: true }, 'counts');
    expect(screen.getByTestId(DATA_TEST_SUBJ.partial)).toHaveTextContent('Counts are lower bounds');
  });

  it('partial results name the clusters that did not answer in full', () => {
    show({
      is_partial: true,
      incomplete_clusters: [
        { cluster: 'eu', status: 'skipped' },
        { cluster: 'us', status: 'partial' },
      ],
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.partial)).toHaveTextContent(
      'Clusters that did not answer in full: eu (skipped), us (partial).'
    );
  });

  it('warnings in words, never as raw headers or Java class names', () => {
    show({
      warnings: describeWarnings([
        'Line 7:9: evaluation of [CIDR_MATCH(source.ip, ?cidr_0)] failed, treating result as null. Only first 20 failures recorded.',
        'Line 7:9: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      ]),
    });
    const callout = screen.getByTestId(DATA_TEST_SUBJ.warnings);
    expect(callout).toHaveTextContent(
      'CIDR_MATCH(source.ip, ?cidr_0) (line 7, column 9) met a field with several values where it expects one'
    );
    expect(callout).not.toHaveTextContent('java.lang');
    expect(callout).not.toHaveTextContent('299 Elasticsearch');
  });
});
