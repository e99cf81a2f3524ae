import React, { useCallback } from 'react';
import {
  EuiAccordion,
  EuiButton,
  EuiButtonGroup,
  EuiCallOut,
  EuiCheckboxGroup,
  EuiComboBox,
  EuiFieldNumber,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiSpacer,
  EuiSuperDatePicker,
  EuiText,
  EuiToolTip,
  type EuiComboBoxOptionOption,
  type EuiSuperDatePickerDurationRange,
  type OnTimeChangeProps,
} from '@elastic/eui';
import { normaliseCidr, splitCidrList, trustsEverything } from '../../../common/hunt/cidr';
import { DATASETS, DATA_SOURCES } from '../../../common/hunt/data_sources';
import {
  ESQL_MAX_ROW_LIMIT,
  MAX_BASELINE_DAYS,
  MAX_SHARED_PRINCIPALS,
} from '../../../common/constants';
import type { HuntFormState } from '../../../common/hunt/url_state';
import type { FormErrors } from '../../form_validation';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import * as text from './translations';

/** What Kibana's settings say the time picker offers and shows. */
export interface TimePickerSettings {
  commonlyUsedRanges?: EuiSuperDatePickerDurationRange[];
  recentlyUsedRanges?: EuiSuperDatePickerDurationRange[];
  dateFormat?: string;
  /** The zone absolute times are picked and shown in (`dateFormat:tz`, resolved). */
  timeZone?: string;
}

export interface ParamsFormProps {
  value: HuntFormState;
  errors: FormErrors;
  onValueChange: (value: HuntFormState) => void;
  /** Runs the hunt: from the Run button or Enter in any field. */
  onRun: () => void;
  onCancel: () => void;
  isRunning: boolean;
  timePicker?: TimePickerSettings;
}

const toOptions = (values: string[]): EuiComboBoxOptionOption[] =>
  values.map((label) => ({ label }));

/** Appends entries not already present, keeping the order they were typed or pasted in. */
function addEntries(current: string[], added: string[]): string[] {
  return [
    ...current,
    ...added.filter((entry, index) => !current.includes(entry) && added.indexOf(entry) === index),
  ];
}

/**
 * A trusted range with prefix /0 hides everything (or every IPv4 address) from the hunt. It is
 * legal, so it is not an error; the page says what it does instead.
 */
function TrustAllWarning({ cidrs }: { cidrs: string[] }) {
  const broad = cidrs
    .map((cidr) => {
      const normalised = normaliseCidr(cidr.trim());
      return normalised.ok ? { cidr, trusts: trustsEverything(normalised.cidr) } : undefined;
    })
    .filter((entry) => entry?.trusts !== undefined);
  if (broad.length === 0) return null;
  const everything = broad.some((entry) => entry?.trusts === 'all');
  return (
    <EuiCallOut
      size="s"
      color="warning"
      iconType="warning"
      data-test-subj={DATA_TEST_SUBJ.trustAllWarning}
      title={
        everything
          ? text.trustEverythingTitle(broad.map((entry) => entry?.cidr).join(', '))
          : text.trustAllIpv4Title(broad.map((entry) => entry?.cidr).join(', '))
      }
    />
  );
}
const fromOptions = (options: EuiComboBoxOptionOption[]): string[] =>
  options.map((option) => option.label);

/** A controlled form: it shows `value` and `errors`, and reports every change. */
export function ParamsForm({
  value,
  errors,
  onValueChange,
  onRun,
  onCancel,
  isRunning,
  timePicker = {},
}: ParamsFormProps) {
  const set = useCallback(
    <K extends keyof HuntFormState>(key: K, next: HuntFormState[K]) =>
      onValueChange({ ...value, [key]: next }),
    [onValueChange, value]
  );
  const isInvalid = Object.keys(errors).length > 0;
  const errorOf = (field: keyof HuntFormState) => errors[field];

  const onTimeChange = ({ start, end }: OnTimeChangeProps) =>
    onValueChange({ ...value, from: start, to: end });

  // A submit button: Enter in any field runs the hunt, as the form's own submission.
  const runButton = (
    <EuiButton
      fill
      type="submit"
      iconType="play"
      isDisabled={isInvalid}
      isLoading={isRunning}
      data-test-subj={DATA_TEST_SUBJ.runButton}
    >
      {text.RUN_BUTTON_LABEL}
    </EuiButton>
  );

  return (
    <EuiForm
      component="form"
      aria-label={text.FORM_ARIA_LABEL}
      data-test-subj={DATA_TEST_SUBJ.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (!isInvalid && !isRunning) onRun();
      }}
    >
      <EuiFlexGroup alignItems="flexEnd" wrap>
        <EuiFlexItem grow={3} style={{ minWidth: 360 }}>
          <EuiFormRow
            label={text.TIME_RANGE_LABEL}
            isInvalid={!!(errorOf('from') || errorOf('to'))}
            error={[...(errorOf('from') ?? []), ...(errorOf('to') ?? [])]}
            fullWidth
          >
            <EuiSuperDatePicker
              start={value.from}
              end={value.to}
              onTimeChange={onTimeChange}
              showUpdateButton={false}
              width="full"
              commonlyUsedRanges={timePicker.commonlyUsedRanges}
              recentlyUsedRanges={timePicker.recentlyUsedRanges}
              dateFormat={timePicker.dateFormat}
              timeZoneDisplayProps={
                timePicker.timeZone ? { timeZone: timePicker.timeZone } : undefined
              }
              data-test-subj={DATA_TEST_SUBJ.datePicker}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={1} style={{ minWidth: 160 }}>
          <EuiFormRow
            label={text.MAX_DAILY_LABEL}
            isInvalid={!!errorOf('maxDailyActions')}
            error={errorOf('maxDailyActions')}
          >
            <EuiFieldNumber
              min={1}
              step={1}
              value={value.maxDailyActions}
              isInvalid={!!errorOf('maxDailyActions')}
              onChange={(event) => set('maxDailyActions', event.target.value)}
              data-test-subj={DATA_TEST_SUBJ.maxDailyInput}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={1} style={{ minWidth: 160 }}>
          <EuiFormRow
            label={text.MIN_IPS_LABEL}
            isInvalid={!!errorOf('minDistinctIps')}
            error={errorOf('minDistinctIps')}
          >
            <EuiFieldNumber
              min={1}
              step={1}
              value={value.minDistinctIps}
              isInvalid={!!errorOf('minDistinctIps')}
              onChange={(event) => set('minDistinctIps', event.target.value)}
              data-test-subj={DATA_TEST_SUBJ.minIpsInput}
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <EuiFlexGroup wrap>
        <EuiFlexItem grow={2} style={{ minWidth: 280 }}>
          <EuiFormRow
            label={text.DATASETS_LABEL}
            isInvalid={!!errorOf('datasets')}
            error={errorOf('datasets')}
          >
            <EuiCheckboxGroup
              idToSelectedMap={Object.fromEntries(
                DATASETS.map((dataset) => [dataset, value.datasets.includes(dataset)])
              )}
              options={DATASETS.map((dataset) => ({
                id: dataset,
                label: `${DATA_SOURCES[dataset].title} (${dataset})`,
              }))}
              onChange={(id) =>
                set(
                  'datasets',
                  value.datasets.includes(id)
                    ? value.datasets.filter((dataset) => dataset !== id)
                    : DATASETS.filter(
                        (dataset) => dataset === id || value.datasets.includes(dataset)
                      )
                )
              }
              data-test-subj={DATA_TEST_SUBJ.datasetsGroup}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={2} style={{ minWidth: 280 }}>
          <EuiFormRow
            label={text.GROUP_BY_LABEL}
            helpText={text.GROUP_BY_HELP}
            isInvalid={!!errorOf('groupBy')}
            error={errorOf('groupBy')}
          >
            <EuiButtonGroup
              legend={text.GROUP_BY_LABEL}
              options={[
                { id: 'name', label: text.GROUP_BY_NAME_LABEL },
                { id: 'id', label: text.GROUP_BY_ID_LABEL },
              ]}
              idSelected={value.groupBy}
              onChange={(id) => set('groupBy', id)}
              buttonSize="compressed"
              data-test-subj={DATA_TEST_SUBJ.groupBy}
            />
          </EuiFormRow>
          <EuiFormRow
            label={text.TRUSTED_CIDRS_LABEL}
            helpText={text.TRUSTED_CIDRS_HELP}
            isInvalid={!!errorOf('trustedCidrs')}
            error={errorOf('trustedCidrs')}
          >
            <div
              // A pasted list (one per line, or comma- or space-separated) becomes one entry each;
              // pasted into a one-line input, its line breaks would otherwise be lost.
              onPasteCapture={(event) => {
                const pasted = splitCidrList(event.clipboardData.getData('text'));
                if (pasted.length < 2) return;
                event.preventDefault();
                set('trustedCidrs', addEntries(value.trustedCidrs, pasted));
              }}
            >
              <EuiComboBox
                noSuggestions
                placeholder={text.TRUSTED_CIDRS_PLACEHOLDER}
                selectedOptions={toOptions(value.trustedCidrs)}
                // A list typed with commas or spaces becomes one entry each, too.
                onCreateOption={(created) =>
                  set('trustedCidrs', addEntries(value.trustedCidrs, splitCidrList(created)))
                }
                onChange={(options) => set('trustedCidrs', fromOptions(options))}
                isInvalid={!!errorOf('trustedCidrs')}
                data-test-subj={DATA_TEST_SUBJ.trustedCidrs}
              />
            </div>
          </EuiFormRow>
          <TrustAllWarning cidrs={value.trustedCidrs} />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiAccordion
        id="entraSpHuntAdvanced"
        buttonContent={text.ADVANCED_LABEL}
        initialIsOpen={!!(errorOf('indexPatterns') || errorOf('limit'))}
        data-test-subj={DATA_TEST_SUBJ.advanced}
      >
        <EuiSpacer size="s" />
        <EuiFlexGroup wrap>
          <EuiFlexItem grow={3}>
            <EuiFormRow
              label={text.INDEX_PATTERNS_LABEL}
              helpText={text.INDEX_PATTERNS_HELP}
              isInvalid={!!errorOf('indexPatterns')}
              error={errorOf('indexPatterns')}
              fullWidth
            >
              <EuiComboBox
                noSuggestions
                fullWidth
                selectedOptions={toOptions(value.indexPatterns)}
                onCreateOption={(created) =>
                  set('indexPatterns', [...value.indexPatterns, created.trim()])
                }
                onChange={(options) => set('indexPatterns', fromOptions(options))}
                isInvalid={!!errorOf('indexPatterns')}
                data-test-subj={DATA_TEST_SUBJ.indexPatterns}
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem grow={1}>
            <EuiFormRow
              label={text.LIMIT_LABEL}
              helpText={text.LIMIT_HELP}
              isInvalid={!!errorOf('limit')}
              error={errorOf('limit')}
            >
              <EuiFieldNumber
                min={1}
                max={ESQL_MAX_ROW_LIMIT}
                step={1}
                value={value.limit}
                isInvalid={!!errorOf('limit')}
                onChange={(event) => set('limit', event.target.value)}
                data-test-subj={DATA_TEST_SUBJ.limitInput}
              />
            </EuiFormRow>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiAccordion>
      <EuiSpacer size="s" />
      <EuiAccordion
        id="entraSpHuntTriageSettings"
        buttonContent={text.TRIAGE_LABEL}
        initialIsOpen={!!(errorOf('baselineDays') || errorOf('sharedIpPrincipals'))}
        data-test-subj={DATA_TEST_SUBJ.triageSettings}
      >
        <EuiSpacer size="s" />
        <EuiFlexGroup wrap>
          <EuiFlexItem grow={false} style={{ minWidth: 240 }}>
            <EuiFormRow
              label={text.BASELINE_DAYS_LABEL}
              helpText={text.BASELINE_DAYS_HELP}
              isInvalid={!!errorOf('baselineDays')}
              error={errorOf('baselineDays')}
            >
              <EuiFieldNumber
                min={1}
                max={MAX_BASELINE_DAYS}
                step={1}
                value={value.baselineDays}
                isInvalid={!!errorOf('baselineDays')}
                onChange={(event) => set('baselineDays', event.target.value)}
                data-test-subj={DATA_TEST_SUBJ.baselineDaysInput}
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem grow={false} style={{ minWidth: 240 }}>
            <EuiFormRow
              label={text.SHARED_IPS_LABEL}
              helpText={text.SHARED_IPS_HELP}
              isInvalid={!!errorOf('sharedIpPrincipals')}
              error={errorOf('sharedIpPrincipals')}
            >
              <EuiFieldNumber
                min={1}
                max={MAX_SHARED_PRINCIPALS}
                step={1}
                value={value.sharedIpPrincipals}
                isInvalid={!!errorOf('sharedIpPrincipals')}
                onChange={(event) => set('sharedIpPrincipals', event.target.value)}
                data-test-subj={DATA_TEST_SUBJ.sharedIpsInput}
              />
            </EuiFormRow>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiAccordion>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          {isInvalid ? (
            <EuiToolTip content={text.RUN_INVALID_TOOLTIP}>{runButton}</EuiToolTip>
          ) : (
            runButton
          )}
        </EuiFlexItem>
        {isRunning && (
          <EuiFlexItem grow={false}>
            <EuiButton
              color="text"
              iconType="cross"
              onClick={onCancel}
              data-test-subj={DATA_TEST_SUBJ.cancelButton}
            >
              {text.CANCEL_BUTTON_LABEL}
            </EuiButton>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiText size="xs" color="subdued">
            {text.RUN_HINT}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiForm>
  );
}
