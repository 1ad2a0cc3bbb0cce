import { cellText } from '../columns/cell-value.js';
import { detectHeaderRow } from '../columns/detect-header-row.js';
import { guessRecordKind, RECORD_KINDS } from '../columns/guess-record-kind.js';
import type { RecordKind } from '../columns/records.js';
import { sheetHead } from './read-sheet-records.js';
import type { SheetGrid } from './sheet-grid.js';
import type { ReportConfig, ReportSheetKind } from './report-config.js';

/** What one sheet was taken to hold, and why. */
export interface SheetPlanEntry {
  sheet: string;
  /** null: no kind's required columns are all there, so no analysis reads it. */
  kind: ReportSheetKind | null;
  source: 'config' | 'headers';
  /** Excel row of the header row found for that kind. */
  headerRow: number | null;
}

export interface PlanSheetsResult {
  sheets: SheetPlanEntry[];
  /** 'zh' when most header cells of the recognised sheets are Chinese. */
  locale: 'en' | 'zh';
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[A-Za-z]/;

/**
 * Decides what each sheet holds: the config's word for a named sheet, else the record kind whose
 * required columns its headers all name and that matches most columns (guessRecordKind); a
 * sheet with a configured mapping but no kind takes the first kind the mapping completes.
 *
 * @param sheets - the workbook's sheets.
 * @param config - the report config (sheets, mappings).
 * @returns one entry per sheet and the language most headers are in.
 */
export function planSheets(
  sheets: readonly SheetGrid[],
  config: ReportConfig = {},
): PlanSheetsResult {
  let cjk = 0;
  let latin = 0;
  const entries = sheets.map((grid): SheetPlanEntry => {
    const named = config.sheets?.[grid.sheet];
    const mapping = config.mappings?.[grid.sheet];
    const head = sheetHead(grid);
    let entry: SheetPlanEntry;
    if (named !== undefined) {
      const headerRow =
        named === 'ignore'
          ? undefined
          : detectHeaderRow(head, { kind: named, ...(mapping ? { mapping } : {}) }).index;
      entry = {
        sheet: grid.sheet,
        kind: named,
        source: 'config',
        headerRow: headerRow === undefined ? null : headerRow + 1,
      };
    } else {
      const best = guessRecordKind(head)[0];
      let kind: RecordKind | null = best && best.missingRequired.length === 0 ? best.kind : null;
      let headerRow = kind === null ? null : (best?.headerRow ?? null);
      if (kind === null && mapping !== undefined) {
        for (const k of RECORD_KINDS) {
          const found = detectHeaderRow(head, { kind: k, mapping });
          if (found.index !== undefined && found.columns.missingRequired.length === 0) {
            kind = k;
            headerRow = found.index + 1;
            break;
          }
        }
      }
      entry = { sheet: grid.sheet, kind, source: 'headers', headerRow };
    }
    if (entry.headerRow !== null && entry.kind !== 'ignore') {
      for (const cell of head[entry.headerRow - 1] ?? []) {
        const text = cellText(cell);
        if (CJK.test(text)) cjk += 1;
        else if (LATIN.test(text)) latin += 1;
      }
    }
    return entry;
  });
  return { sheets: entries, locale: cjk > latin ? 'zh' : 'en' };
}
