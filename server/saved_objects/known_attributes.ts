/**
 * A model version's `forwardCompatibility` schema for a type whose attributes are listed: an older
 * Kibana reading an object a newer one wrote keeps what it knows and drops the rest, instead of
 * failing on it. Each type lists its attributes once and hands the list here.
 */
export function keepKnownAttributes<T>(known: ReadonlyArray<keyof T & string>) {
  const names = new Set<string>(known);
  return (attributes: unknown): Partial<T> =>
    Object.fromEntries(
      Object.entries(attributes as Record<string, unknown>).filter(([key]) => names.has(key))
    ) as Partial<T>;
}
