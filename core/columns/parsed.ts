/**
 * The result of reading one cell: a value (undefined for a blank cell) or the reason it could not
 * be read. Parsers never throw on data; the caller turns a failure into a DataWarning.
 */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

export function parsedValue<T>(value: T | undefined): Parsed<T> {
  return { ok: true, value };
}

export function parseFailure<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
