/**
 * Stand-in for `@kbn/utility-types`.
 *
 * Checked at elastic/kibana@72362c9e6081bf05d7d75dc8adc8222e3019fd27:src/platform/packages/shared/kbn-utility-types/src/serializable/index.ts
 *
 * Mirrors elastic/kibana:src/platform/packages/shared/kbn-utility-types/src/serializable/index.ts
 */
export type Serializable =
  string | number | boolean | null | undefined | SerializableArray | SerializableRecord;

export type SerializableArray = Serializable[];

export interface SerializableRecord {
  [key: string]: Serializable;
}
