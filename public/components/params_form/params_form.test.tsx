import React, { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_FORM_STATE, type HuntFormState } from '../../../common/hunt/url_state';
import { validateForm } from '../../form_validation';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { ON_SCREEN, renderWithProviders } from '../../../test/helpers/render';
import { ParamsForm } from './params_form';

function Harness({
  initial = DEFAULT_FORM_STATE,
  onRun = jest.fn(),
  onChange = jest.fn(),
  timePicker,
}: {
  initial?: HuntFormState;
  onRun?: () => void;
  onChange?: (value: HuntFormState) => void;
  timePicker?: React.ComponentProps<typeof ParamsForm>['timePicker'];
}) {
  const [value, setValue] = useState(initial);
  return (
    <ParamsForm
      value={value}
      errors={validateForm(value).errors}
      onValueChange={(next) => {
        onChange(next);
        setValue(next);
      }}
      onRun={onRun}
      onCancel={jest.fn()}
      isRunning={false}
      timePicker={timePicker}
    />
  );
}

describe('ParamsForm', () => {
  it('shows the seed defaults and runs when valid', () => {
    const onRun = jest.fn();
    renderWithProviders(<Harness onRun={onRun} />);
    expect(screen.getByTestId(DATA_TEST_SUBJ.maxDailyInput)).toHaveValue(5);
    expect(screen.getByTestId(DATA_TEST_SUBJ.minIpsInput)).toHaveValue(2);
    expect(screen.getByText('Last 30 days')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('reports threshold changes as typed', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.maxDailyInput), { target: { value: '9' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ maxDailyActions: '9' }));
  });

  it.each([
    ['minDistinctIps', DATA_TEST_SUBJ.minIpsInput, '0', 'must be at least 1'],
    ['maxDailyActions', DATA_TEST_SUBJ.maxDailyInput, '1.5', 'must be a whole number'],
    ['maxDailyActions', DATA_TEST_SUBJ.maxDailyInput, '', 'must be a number'],
  ])('shows the server rule inline for %s and disables Run', (_field, id, value, message) => {
    const onRun = jest.fn();
    renderWithProviders(<Harness onRun={onRun} />);
    fireEvent.change(screen.getByTestId(id), { target: { value } });
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByTestId(DATA_TEST_SUBJ.runButton)).toBeDisabled();
    fireEvent.submit(screen.getByTestId(DATA_TEST_SUBJ.form));
    expect(onRun).not.toHaveBeenCalled();
  });

  it.each([
    ['baselineDays', DATA_TEST_SUBJ.baselineDaysInput, '400', 'must be at most 365'],
    ['sharedIpPrincipals', DATA_TEST_SUBJ.sharedIpsInput, '0', 'must be at least 1'],
  ])(
    'opens the triage settings of a link with a bad %s, naming the rule',
    (field, id, value, message) => {
      const onRun = jest.fn();
      renderWithProviders(
        <Harness onRun={onRun} initial={{ ...DEFAULT_FORM_STATE, [field]: value }} />
      );
      expect(screen.getByTestId(id)).toHaveValue(Number(value));
      expect(screen.getByText(message)).toBeInTheDocument();
      expect(validateForm({ ...DEFAULT_FORM_STATE, [field]: value }).errors).toEqual({
        [field]: [message],
      });
      expect(screen.getByTestId(DATA_TEST_SUBJ.runButton)).toBeDisabled();
    }
  );

  it('reports the triage thresholds as typed', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.baselineDaysInput), {
      target: { value: '60' },
    });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ baselineDays: '60' }));
  });

  it('explains a bad trusted CIDR by its position', () => {
    renderWithProviders(
      <Harness initial={{ ...DEFAULT_FORM_STATE, trustedCidrs: ['10.0.0.0/8', 'not-a-cidr'] }} />
    );
    expect(screen.getByText(/#2: must be an IP address or a CIDR block/)).toBeInTheDocument();
  });

  it('splits a pasted list of ranges, one per line or comma-separated, into entries', () => {
    const onChange = jest.fn();
    renderWithProviders(
      <Harness
        onChange={onChange}
        initial={{ ...DEFAULT_FORM_STATE, trustedCidrs: ['10.0.0.0/8'] }}
      />
    );
    const input = within(screen.getByTestId(DATA_TEST_SUBJ.trustedCidrs)).getByRole(
      'combobox',
      ON_SCREEN
    );
    fireEvent.paste(input, {
      clipboardData: { getData: () => '192.168.0.0/16\n203.0.113.7, 10.0.0.0/8\r\n2001:db8::/32' },
    });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        trustedCidrs: ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.7', '2001:db8::/32'],
      })
    );
    // A bare IP is valid: it means that one address.
    expect(screen.queryByText(/must be an IP address/)).not.toBeInTheDocument();
  });

  it('splits a comma-separated list typed and entered at once', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = within(screen.getByTestId(DATA_TEST_SUBJ.trustedCidrs)).getByRole(
      'combobox',
      ON_SCREEN
    );
    fireEvent.change(input, { target: { value: '10.0.0.0/8, 172.16.0.0/12' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ trustedCidrs: ['10.0.0.0/8', '172.16.0.0/12'] })
    );
  });

  it.each([
    [['0.0.0.0/0'], 'trusts every IPv4 address'],
    [['10.0.0.0/8', '::/0'], 'trusts every address, IPv4 included'],
    [['::ffff:0.0.0.0/96'], 'trusts every IPv4 address'],
  ])('warns, without blocking, that %j trusts everything', (trustedCidrs, warning) => {
    const onRun = jest.fn();
    renderWithProviders(
      <Harness onRun={onRun} initial={{ ...DEFAULT_FORM_STATE, trustedCidrs }} />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.trustAllWarning)).toHaveTextContent(warning);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('says nothing about ordinary ranges', () => {
    renderWithProviders(
      <Harness initial={{ ...DEFAULT_FORM_STATE, trustedCidrs: ['10.0.0.0/8', '::1'] }} />
    );
    expect(screen.queryByTestId(DATA_TEST_SUBJ.trustAllWarning)).not.toBeInTheDocument();
  });

  it('toggles a data source and refuses an empty selection', () => {
    const onChange = jest.fn();
    renderWithProviders(
      <Harness onChange={onChange} initial={{ ...DEFAULT_FORM_STATE, datasets: ['o365.audit'] }} />
    );
    fireEvent.click(screen.getByLabelText('Microsoft 365 audit logs (o365.audit)'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ datasets: [] }));
    expect(screen.getByText('must name at least one data source')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('Entra ID sign-in logs (azure.signinlogs)'));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ datasets: ['azure.signinlogs'] })
    );
  });

  it('switches grouping to id', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    fireEvent.click(screen.getByText('Id'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ groupBy: 'id' }));
  });

  it('runs on Enter in a field, as the form is submitted', async () => {
    const onRun = jest.fn();
    renderWithProviders(<Harness onRun={onRun} />);
    await userEvent.type(screen.getByTestId(DATA_TEST_SUBJ.minIpsInput), '{Enter}');
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('puts Run last in the tab order, after every field', () => {
    renderWithProviders(<Harness />);
    // No positive tabindex is used, so the tab order is the document order of focusable elements.
    const focusable = [
      ...screen
        .getByTestId(DATA_TEST_SUBJ.form)
        .querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter(
      (element) => element.getAttribute('tabindex') !== '-1' && !element.hasAttribute('disabled')
    );
    expect(focusable.length).toBeGreaterThan(8);
    expect(focusable[focusable.length - 1]).toBe(screen.getByTestId(DATA_TEST_SUBJ.runButton));
  });

  it("offers Kibana's quick ranges and the recently used ones in the time picker", async () => {
    renderWithProviders(
      <Harness
        timePicker={{
          commonlyUsedRanges: [{ start: 'now-90d/d', end: 'now', label: 'Last 90 days' }],
          recentlyUsedRanges: [{ start: 'now-12h', end: 'now' }],
          timeZone: 'America/New_York',
        }}
      />
    );
    fireEvent.click(screen.getByTestId('superDatePickerToggleQuickMenuButton'));
    expect(await screen.findByText('Last 90 days')).toBeInTheDocument();
    expect(screen.getByText('Last 12 hours')).toBeInTheDocument();
    // The quick menu is a large popover: 2-5 s to open in jsdom on a busy 2-core machine.
  }, 20_000);
});
