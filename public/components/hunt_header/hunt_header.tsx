import React, { useState } from 'react';
import {
  EuiBadge,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiLink,
  EuiPageHeader,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import type { HuntDefinition } from '../../../common/hunt/definition';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { ABOUT_BUTTON_LABEL, CLOSE_ABOUT_ARIA_LABEL } from './translations';

export interface HuntHeaderProps {
  definition: HuntDefinition;
}

export function HuntHeader({ definition }: HuntHeaderProps) {
  const [isAboutOpen, setIsAboutOpen] = useState(false);
  const [technique] = definition.mitre;
  return (
    <>
      <EuiPageHeader
        pageTitle={definition.name}
        description={definition.description}
        rightSideItems={[
          <EuiButtonEmpty
            key="about"
            iconType="info"
            onClick={() => setIsAboutOpen(true)}
            data-test-subj={DATA_TEST_SUBJ.aboutButton}
          >
            {ABOUT_BUTTON_LABEL}
          </EuiButtonEmpty>,
        ]}
      >
        <EuiFlexGroup gutterSize="s" wrap responsive={false}>
          {technique && (
            <EuiFlexItem grow={false}>
              <EuiBadge
                color="hollow"
                iconType="popout"
                iconSide="right"
                href={technique.url}
                target="_blank"
                data-test-subj={DATA_TEST_SUBJ.mitreLink}
              >
                <FormattedMessage
                  id="entraSpHunt.header.mitreBadgeLabel"
                  defaultMessage="MITRE ATT&CK {technique}"
                  values={{ technique: technique.id }}
                />
              </EuiBadge>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      </EuiPageHeader>
      {isAboutOpen && (
        <EuiFlyout
          onClose={() => setIsAboutOpen(false)}
          size="m"
          ownFocus
          aria-labelledby="entraSpHuntAboutTitle"
          closeButtonProps={{ 'aria-label': CLOSE_ABOUT_ARIA_LABEL }}
          data-test-subj={DATA_TEST_SUBJ.aboutFlyout}
        >
          <EuiFlyoutHeader hasBorder>
            <EuiTitle size="m">
              <h2 id="entraSpHuntAboutTitle">{definition.name}</h2>
            </EuiTitle>
          </EuiFlyoutHeader>
          <EuiFlyoutBody>
            <EuiText size="s">
              <p>{definition.description}</p>
              <h3>
                <FormattedMessage
                  id="entraSpHunt.header.notesTitle"
                  defaultMessage="Notes for the analyst"
                />
              </h3>
              <ul>
                {definition.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
              <h3>
                <FormattedMessage
                  id="entraSpHunt.header.mitreTitle"
                  defaultMessage="MITRE ATT&CK"
                />
              </h3>
              <ul>
                {definition.mitre.map((entry) => (
                  <li key={entry.id}>
                    <EuiLink href={entry.url} target="_blank" external>
                      {`${entry.id} ${entry.name}`}
                    </EuiLink>{' '}
                    ({entry.tactic})
                  </li>
                ))}
              </ul>
              <h3>
                <FormattedMessage
                  id="entraSpHunt.header.referencesTitle"
                  defaultMessage="References"
                />
              </h3>
              <ul>
                {definition.references.map((reference) => (
                  <li key={reference}>
                    <EuiLink href={reference} target="_blank" external>
                      {reference}
                    </EuiLink>
                  </li>
                ))}
              </ul>
            </EuiText>
            <EuiSpacer />
            <EuiText size="xs" color="subdued">
              <FormattedMessage
                id="entraSpHunt.header.provenanceDescription"
                defaultMessage="Elastic hunting query {uuid}, integrations: {integrations}. {license}."
                values={{
                  uuid: definition.uuid,
                  integrations: definition.integrations.join(', '),
                  license: definition.license,
                }}
              />
            </EuiText>
          </EuiFlyoutBody>
        </EuiFlyout>
      )}
    </>
  );
}
