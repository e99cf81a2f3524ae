/**
 * Stand-in for `@kbn/es-query`: the query and time-range types that Discover's locator params and
 * saved searches are written in. Types only; Kibana loads the package from its shared bundle.
 *
 * Source: elastic/kibana:src/platform/packages/shared/kbn-es-query/src/filters/build_filters/types.ts
 * Checked at elastic/kibana@2752c3905f91f1355b83ab294355720cdd5454e3:src/platform/packages/shared/kbn-es-query/src/filters/build_filters/types.ts
 * (Filter, FilterMeta, FilterStateStore, Query, AggregateQuery) and
 * elastic/kibana@769627e647f7cea8a8a408c2ca8edae644a6d530:src/platform/packages/shared/kbn-es-query/src/filters/helpers/types.ts
 * (TimeRange). Kibana declares them as type aliases, which is what lets them sit in a
 * SerializableRecord (an interface would not be assignable to its index signature).
 */

export type TimeRange = {
  from: string;
  to: string;
  mode?: 'absolute' | 'relative';
};

export type Query = {
  // Kibana's own `any`: it is what makes a Query assignable to a SerializableRecord.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query: string | { [key: string]: any };
  language: string;
};

/** An ES|QL query, as Discover and saved searches carry it. */
export type AggregateQuery = { esql: string };

export enum FilterStateStore {
  APP_STATE = 'appState',
  GLOBAL_STATE = 'globalState',
}

export type FilterMeta = {
  alias?: string | null;
  disabled?: boolean;
  negate?: boolean;
  controlledBy?: string;
  group?: string;
  index?: string;
  isMultiIndex?: boolean;
  type?: string;
  key?: string;
  value?: string;
};

export type Filter = {
  $state?: { store: FilterStateStore };
  meta: FilterMeta;
  // Kibana's own `any`, kept so a Filter stays assignable to a SerializableRecord.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query?: Record<string, any>;
};
