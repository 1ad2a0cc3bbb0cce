import { withoutFloatNoise } from '../../core/index.js';

/** Numbers as written: float noise around a whole cent removed (`256929.19999999998` → `256929.2`). */
function numberWithoutNoise(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? withoutFloatNoise(value) : value;
}

/**
 * JSON text of a result for `--json` and summary.json files: every number without float noise
 * (money summed in floats prints as the cents it means; shares keep their digits).
 *
 * @param value - The object to write.
 * @param indent - Spaces of indentation; none for one line.
 * @returns The JSON text, without a final newline.
 */
export function outputJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, numberWithoutNoise, indent);
}
