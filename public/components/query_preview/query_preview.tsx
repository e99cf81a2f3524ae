import React from 'react';
import { EuiAccordion, EuiCodeBlock, EuiSpacer, EuiText } from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

export interface QueryPreviewProps {
  /** The inlined query exactly as the server will build it; undefined when none can be built. */
  query?: string;
  /** Coverage is not known yet, so the preview assumes every data source exists. */
  assumesAllSources: boolean;
  /** Why no query can be built (shown instead of the code). */
  unavailableReason?: string;
}

export function QueryPreview({ query, assumesAllSources, unavailableReason }: QueryPreviewProps) {
  return (
    <EuiAccordion
      id="entraSpHuntQueryPreview"
      buttonContent={
        <FormattedMessage
          id="entraSpHunt.preview.toggleLabel"
          defaultMessage="ES|QL query that will run"
        />
      }
      data-test-subj={DATA_TEST_SUBJ.queryPreview}
    >
      <EuiSpacer size="s" />
      <EuiText size="xs" color="subdued">
        <p>
          {assumesAllSources ? (
            <FormattedMessage
              id="entraSpHunt.preview.assumingDescription"
              defaultMessage="Checking which data sources exist; until then this shows the query with all of them."
            />
          ) : (
            <FormattedMessage
              id="entraSpHunt.preview.exactDescription"
              defaultMessage="Values are written in for reading; the server sends them as ES|QL params. Copy it into Discover to explore further."
            />
          )}
        </p>
      </EuiText>
      {query ? (
        <EuiCodeBlock
          language="esql"
          isCopyable
          paddingSize="m"
          fontSize="s"
          overflowHeight={420}
          data-test-subj={DATA_TEST_SUBJ.queryPreviewCode}
        >
          {query}
        </EuiCodeBlock>
      ) : (
        <EuiText size="s" color="warning">
          <p>{unavailableReason}</p>
        </EuiText>
      )}
    </EuiAccordion>
  );
}
