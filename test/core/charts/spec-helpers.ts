import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';

/** The inline data rows of a chart spec (charts put all user strings here). */
export function specRows(spec: TopLevelSpec): Record<string, unknown>[] {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!data || !Array.isArray(data.values)) throw new Error('spec has no inline data.values');
  return data.values as Record<string, unknown>[];
}

/** Compiles with vega-lite and returns every warning or error its logger received. */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const messages: string[] = [];
  const logger = {
    level() {
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(args.map(String).join(' '));
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  compile(spec, { logger });
  return messages;
}

/** JSON with object keys sorted, two-space indented, newline-terminated: stable snapshot text. */
export function normalizedJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Deep-frozen copy, so a builder that mutates its input throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
