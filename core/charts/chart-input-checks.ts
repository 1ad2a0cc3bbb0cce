import { PipecastError, type PipecastErrorCode } from '../errors/pipecast-error.js';

/**
 * Precondition checks for chart inputs. Chart inputs come from analysis results, so a bad value
 * here is a caller mistake: throw at once naming the builder, the path and the value.
 */

/** A path under `options` is a bad option; anything else is bad input data. */
function codeFor(path: string): PipecastErrorCode {
  return path.startsWith('options') ? 'invalid-option' : 'invalid-input';
}

/**
 * Returns `value` when it is an array.
 *
 * @throws {PipecastError} Otherwise.
 */
export function checkArray<T>(fn: string, path: string, value: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) {
    throw new PipecastError(
      codeFor(path),
      `${fn}: ${path} must be an array, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Returns `value` when it is a finite number.
 *
 * @throws {PipecastError} Otherwise (NaN, Infinity, a string, a blank).
 */
export function checkFinite(fn: string, path: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PipecastError(
      codeFor(path),
      `${fn}: ${path} must be a finite number, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Returns `value` when it is a finite number in `min`…`max` (inclusive).
 *
 * @throws {PipecastError} Otherwise.
 */
export function checkInRange(
  fn: string,
  path: string,
  value: number,
  min: number,
  max: number,
): number {
  checkFinite(fn, path, value);
  if (value < min || value > max) {
    throw new PipecastError(
      codeFor(path),
      `${fn}: ${path} must be in ${min}…${max}, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Returns `value` when it is a string.
 *
 * @throws {PipecastError} Otherwise.
 */
export function checkText(fn: string, path: string, value: string): string {
  if (typeof value !== 'string') {
    throw new PipecastError(
      codeFor(path),
      `${fn}: ${path} must be a string, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Returns `value` when it is an integer of at least `min`.
 *
 * @throws {PipecastError} Otherwise.
 */
export function checkCount(fn: string, path: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new PipecastError(
      codeFor(path),
      `${fn}: ${path} must be an integer ≥ ${min}, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Throws when two items share a key (e.g. the same stage twice, which would merge bars).
 *
 * @throws {PipecastError} Naming the first repeated key.
 */
export function checkUnique(fn: string, path: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      throw new PipecastError(
        codeFor(path),
        `${fn}: ${path} must be unique, ${JSON.stringify(key)} appears twice`,
      );
    }
    seen.add(key);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
