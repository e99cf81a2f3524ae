import React, { type ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import { I18nProvider } from '@kbn/i18n-react';

/**
 * Deadline for a test that renders the whole page. In jsdom the first render of the page in a
 * test file costs about 1.3 s of CPU (emotion inserting every component's styles and jsdom parsing
 * them), later ones 0.3-0.5 s; a test that renders, runs a hunt and clicks through the results
 * takes 2-3 s of CPU, which a loaded 2-core machine stretches three- to fourfold.
 */
export const PAGE_TEST_TIMEOUT_MS = 30_000;

/**
 * Options for role queries over large trees: Testing Library's `*ByRole` works out whether every
 * element is hidden (getComputedStyle up the tree) unless told `hidden: true`, which costs
 * 0.4-0.7 s per query on the results table in jsdom. The elements these tests look for are on
 * screen, so the check is skipped.
 */
export const ON_SCREEN = { hidden: true } as const;

/** Renders with what Kibana's rendering context provides: the EUI theme and i18n. */
export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(
    <EuiProvider colorMode="light">
      <I18nProvider>{ui}</I18nProvider>
    </EuiProvider>
  );
}
