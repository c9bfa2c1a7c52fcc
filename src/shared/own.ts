/**
 * Lookups in records keyed by outside input (product ids, locales, marketplace names). A plain
 * `record[id]` also finds what every object inherits (`toString`, `constructor`, `__proto__`…), and a
 * plain `record[id] = value` with `__proto__` replaces the prototype instead of storing a value: an
 * id the API accepts must be an ordinary id everywhere, so such records go through these.
 */

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `key` is stored in the record itself. */
export function hasOwn(record: Readonly<Record<string, unknown>> | null | undefined, key: string): boolean {
  return record != null && Object.hasOwn(record, key);
}

/** A copy of `record` without a prototype, so any key (`__proto__` included) is stored as data. */
export function ownCopy<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const copy = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) copy[key] = record[key];
  return copy;
}

/** A copy of `record` with `key` set to `value`; `record` itself is not changed. */
export function withOwn<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const copy = ownCopy(record);
  copy[key] = value;
  return copy;
}
