/// <reference types="office-js" />
import type { ExcelHost } from './create-excel-host.js';

/** The host's `Excel` as the add-in sees it: typed by @types/office-js, so tests use the real API's names. */
export interface TypedExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export function typedExcel(host: ExcelHost): TypedExcel {
  return host.Excel as unknown as TypedExcel;
}
