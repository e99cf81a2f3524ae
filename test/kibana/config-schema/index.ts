/**
 * Stand-in for `@kbn/config-schema`: only `schema.boolean()`, which the plugin's advanced setting
 * declares as its value schema (Kibana requires one on every `UiSettingsParams`).
 *
 * Checked at elastic/kibana@1a7bf6cebf7ee290a7f522d6dd7d525d6ab96b3d:src/platform/packages/shared/kbn-config-schema/src/types/boolean_type.ts
 *
 * Mirrors:
 * - elastic/kibana:src/platform/packages/shared/kbn-config-schema/src/types/type.ts (`Type<V>`:
 *   `validate(value)` returns the value or throws a `ValidationError`; `defaultValue`)
 * - elastic/kibana:src/platform/packages/shared/kbn-config-schema/src/types/boolean_type.ts (the
 *   message `expected value of type [boolean] but got [<type>]`; the strings "true" and "false"
 *   are accepted as Joi's boolean does by default)
 */

export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

export interface TypeOptions<V> {
  defaultValue?: V;
}

export abstract class Type<V> {
  constructor(protected readonly options: TypeOptions<V> = {}) {}
  abstract validate(value: unknown): V;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  return typeof value;
}

export class BooleanType extends Type<boolean> {
  validate(value: unknown): boolean {
    if (value === undefined && this.options.defaultValue !== undefined) {
      return this.options.defaultValue;
    }
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new ValidationError(`expected value of type [boolean] but got [${typeName(value)}]`);
  }
}

export const schema = {
  boolean: (options?: TypeOptions<boolean>) => new BooleanType(options),
};
