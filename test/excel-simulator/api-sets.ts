import { SimRichApiError } from './rich-api-error.js';
import type { HostState } from './sim-context.js';

/** `'1.10' >= '1.9'`: requirement-set versions compare part by part as numbers. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * Fails a statement that needs a newer ExcelApi than the host has, with ApiNotFound, as an
 * older Excel does: the add-in's feature detection (`isSetSupported`) is what must avoid it.
 */
export function requireExcelApi(host: HostState, version: string, location: string): void {
  const have = host.apiSets['ExcelApi'];
  if (have === undefined || !versionAtLeast(have, version)) {
    throw new SimRichApiError('ApiNotFound', { location });
  }
}
