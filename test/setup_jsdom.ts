import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A component test renders EUI pages in jsdom (some load charts lazily): a second or two alone,
// but several on a busy 2-core machine running other suites, past jest's 5 s default.
const COMPONENT_TEST_TIMEOUT_MS = 20_000;
jest.setTimeout(COMPONENT_TEST_TIMEOUT_MS);

// Kibana's tests find elements by data-test-subj, as its own tooling does. findBy/waitFor wait up
// to 10 s, not 1 s: a page of EUI components can take seconds to render in jsdom on a busy 2-core
// machine, and a wait that gives up early fails a test whose page is right, only slow.
configure({ testIdAttribute: 'data-test-subj', asyncUtilTimeout: 10_000 });

// jsdom lacks these browser APIs that EUI's layout components call.
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: globalThis.ResizeObserver ?? ResizeObserverStandIn });
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
Element.prototype.scrollIntoView = Element.prototype.scrollIntoView ?? (() => undefined);

// EUI measures text widths (combo boxes, date picker) on a canvas; jsdom has none.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return {
    font: '',
    measureText: (text: string) => ({ width: text.length * 7 }),
  } as unknown as CanvasRenderingContext2D;
} as unknown as typeof HTMLCanvasElement.prototype.getContext;

// The page keeps some choices in local storage (the grid's columns): each test starts without them.
afterEach(() => window.localStorage.clear());
