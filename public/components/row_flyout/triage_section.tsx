import React from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiCallOut,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import type { RowIpTriage, RowTriage } from '../../../common/hunt/triage';
import { formatCount } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

const DASH = '—';

const columns: Array<EuiBasicTableColumn<RowIpTriage>> = [
  {
    field: 'ip',
    name: i18n.translate('entraSpHunt.flyout.triageIpColumnLabel', { defaultMessage: 'Source IP' }),
  },
  {
    field: 'country',
    name: i18n.translate('entraSpHunt.flyout.triageCountryColumnLabel', {
      defaultMessage: 'Country',
    }),
    render: (value: string | null) => value ?? DASH,
  },
  {
    field: 'network',
    name: i18n.translate('entraSpHunt.flyout.triageNetworkColumnLabel', {
      defaultMessage: 'Network (AS)',
    }),
    render: (value: string | null) => value ?? DASH,
  },
  {
    field: 'other_principals',
    name: i18n.translate('entraSpHunt.flyout.triageOthersColumnLabel', {
      defaultMessage: 'Other principals',
    }),
    render: (value: number | null, item: RowIpTriage) => (
      <>
        {value === null ? DASH : formatCount(value)}{' '}
        {item.shared && (
          <EuiBadge color="success">
            <FormattedMessage id="entraSpHunt.flyout.sharedBadgeLabel" defaultMessage="shared" />
          </EuiBadge>
        )}
      </>
    ),
  },
  {
    field: 'events',
    name: i18n.translate('entraSpHunt.flyout.triageEventsColumnLabel', {
      defaultMessage: 'Events in window',
    }),
    render: (value: number | null) => (value === null ? DASH : formatCount(value)),
  },
  {
    field: 'is_new',
    name: i18n.translate('entraSpHunt.flyout.triageNewColumnLabel', {
      defaultMessage: 'In baseline',
    }),
    render: (value: boolean | null) =>
      value === null ? (
        DASH
      ) : value ? (
        <EuiBadge color="warning">
          <FormattedMessage id="entraSpHunt.flyout.newIpBadgeLabel" defaultMessage="new IP" />
        </EuiBadge>
      ) : (
        <FormattedMessage id="entraSpHunt.flyout.seenIpLabel" defaultMessage="seen before" />
      ),
  },
];

export interface TriageSectionProps {
  triage?: RowTriage;
  loading: boolean;
  baselineDays: number;
}

/** Where the row's addresses are, who else uses them, and what is new since the baseline. */
export function TriageSection({ triage, loading, baselineDays }: TriageSectionProps) {
  return (
    <section data-test-subj={DATA_TEST_SUBJ.rowFlyoutTriage}>
      <EuiTitle size="xs">
        <h3>
          <FormattedMessage
            id="entraSpHunt.flyout.triageTitle"
            defaultMessage="Where from, how common, how new"
          />
        </h3>
      </EuiTitle>
      {loading && (
        <EuiText size="s" color="subdued">
          <FormattedMessage
            id="entraSpHunt.flyout.triageLoadingDescription"
            defaultMessage="Reading how common and how new these addresses are…"
          />
        </EuiText>
      )}
      {!loading && !triage && (
        <EuiText size="s" color="subdued">
          <FormattedMessage
            id="entraSpHunt.flyout.triageUnavailableDescription"
            defaultMessage="No triage for this row."
          />
        </EuiText>
      )}
      {triage && (
        <>
          <EuiText size="s">
            <FormattedMessage
              id="entraSpHunt.flyout.triageSummaryDescription"
              defaultMessage="{newAction, select, true {The action is new for this principal.} false {The principal did this action before.} other {}} {neverSeen, select, true {The principal has no event in the {days} days before the window.} other {{newIps, plural, =0 {Every address was used before.} one {# address is new.} other {# addresses are new.}}}}"
              values={{
                newAction: String(triage.new_action),
                neverSeen: String(triage.never_seen),
                newIps: triage.new_ips ?? 0,
                days: baselineDays,
              }}
            />
          </EuiText>
          {triage.geo_missing && (
            <>
              <EuiSpacer size="s" />
              <EuiCallOut
                size="s"
                color="primary"
                iconType="info"
                title={i18n.translate('entraSpHunt.flyout.geoMissingTitle', {
                  defaultMessage:
                    'The indices map no source.geo or source.as fields: country and network are unknown.',
                })}
              />
            </>
          )}
          <EuiSpacer size="s" />
          <EuiBasicTable<RowIpTriage>
            items={triage.ips}
            columns={columns}
            compressed
            tableCaption={i18n.translate('entraSpHunt.flyout.triageTableDescription', {
              defaultMessage: 'Each source IP: where it is, who else uses it, whether it is new',
            })}
          />
          <EuiSpacer size="s" />
          <div data-test-subj={DATA_TEST_SUBJ.rowFlyoutWhoElse}>
            {triage.ips
              .filter((ip) => ip.others.length > 0)
              .map((ip) => (
                <EuiText size="s" key={ip.ip}>
                  <FormattedMessage
                    id="entraSpHunt.flyout.whoElseDescription"
                    defaultMessage="Also on {ip}: {names}{more, plural, =0 {} other { and # more}}"
                    values={{
                      ip: <strong>{ip.ip}</strong>,
                      names: ip.others.join(', '),
                      more: Math.max(0, (ip.other_principals ?? 0) - ip.others.length),
                    }}
                  />
                </EuiText>
              ))}
          </div>
        </>
      )}
    </section>
  );
}
