/**
 * Stand-in for `@kbn/utility-types`.
 * Mirrors elastic/kibana:src/platform/packages/shared/kbn-utility-types/src/serializable/index.ts
 */
export type Serializable =
  string | number | boolean | null | undefined | SerializableArray | SerializableRecord;

export type SerializableArray = Serializable[];

export interface SerializableRecord {
  [key: string]: Serializable;
}
