import ExcelJS from 'exceljs';
import type { ReportColumnFormat, ReportDataTable } from './report-table.js';
import { finishedCell } from './report-table.js';
import { cutCellText } from './cut-cell-text.js';
import { EXCEL_MAX_CELL_CHARS, groupedCount } from '../../core/readers/index.js';

/** One worksheet of results.xlsx: tables stacked top to bottom, chart images to their right. */
export interface ResultsSheet {
  name: string;
  tables: readonly ReportDataTable[];
  images: readonly { png: Buffer; width: number; height: number }[];
}

/** A row of the Notes sheet. */
export interface ResultsNote {
  type: string;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
  action?: string;
}

const NUMBER_FORMATS: Record<ReportColumnFormat, string | undefined> = {
  text: undefined,
  money: '#,##0.00',
  percent: '0.0%',
  integer: '#,##0',
  number: '#,##0.0',
};
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF7' },
};
const MAX_COLUMN_WIDTH = 48;
/** PNGs are rendered at 2× for sharpness; they are shown at their CSS size. */
const PNG_SCALE = 2;

/**
 * results.xlsx as bytes: one sheet per analysis with its tables (title row, bold header, number
 * formats, the first table's header row frozen, column widths fitted to the text) and its
 * charts as PNG images beside the tables, then a Notes sheet listing every note.
 *
 * @param sheets - the analysis sheets in order.
 * @param notes - warnings and skipped analyses.
 * @returns the workbook file's bytes.
 */
export async function resultsXlsx(
  sheets: readonly ResultsSheet[],
  notes: readonly ResultsNote[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pipecast';
  // A fixed date keeps the file the same from run to run for the same input.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  // Cells cut to Excel's limit, listed on the Notes sheet after the notes given.
  const cut: ResultsNote[] = [];
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: sheet.tables.length > 0 ? 2 : 0 }],
    });
    const widths: number[] = [];
    let row = 1;
    for (const table of sheet.tables) {
      ws.getCell(row, 1).value = table.title;
      ws.getCell(row, 1).font = { bold: true, size: 13 };
      row += 1;
      const header = ws.getRow(row);
      table.columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = c.label;
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = { bottom: { style: 'thin' } };
        widths[i] = Math.max(widths[i] ?? 8, textWidth(c.label));
      });
      row += 1;
      for (const values of table.rows) {
        const r = ws.getRow(row);
        values.forEach((value, i) => {
          const v = fitCell(
            finishedCell(value, table.columns[i]?.format),
            { sheet: sheet.name, row, column: table.columns[i]?.label },
            cut,
          );
          const cell = r.getCell(i + 1);
          cell.value = v === undefined ? null : v;
          const format = NUMBER_FORMATS[table.columns[i]?.format ?? 'text'];
          if (typeof v === 'number' && format) cell.numFmt = format;
          widths[i] = Math.max(widths[i] ?? 8, typeof v === 'string' ? textWidth(v) : 14);
        });
        row += 1;
      }
      row += 1;
    }
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.min(MAX_COLUMN_WIDTH, w + 2);
    });
    let imageRow = 0;
    const imageCol = widths.length + 1;
    for (const image of sheet.images) {
      const id = workbook.addImage({ buffer: image.png as never, extension: 'png' });
      const width = image.width / PNG_SCALE;
      const height = image.height / PNG_SCALE;
      ws.addImage(id, { tl: { col: imageCol, row: imageRow }, ext: { width, height } });
      // Default rows are 20 px high: leave a row of space below each chart.
      imageRow += Math.ceil(height / 20) + 1;
    }
  }
  const ws = workbook.addWorksheet('Notes', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = ['Type', 'File', 'Sheet', 'Row', 'Column', 'Message', 'Action'];
  ws.addRow(columns).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const n of [...notes, ...cut])
    ws.addRow(
      [n.type, n.file, n.sheet, n.row, n.column, n.message, n.action].map((v) =>
        typeof v === 'string' ? cutCellText(v) : (v ?? null),
      ),
    );
  [14, 24, 18, 8, 18, 90, 16].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A table cell as written: text past Excel's 32,767 characters cut, with a note of where added
 * to `cut` (the Notes sheet lists them).
 */
function fitCell<T>(
  value: T,
  place: { sheet: string; row: number; column: string | undefined },
  cut: ResultsNote[],
): T | string {
  if (typeof value !== 'string' || value.length <= EXCEL_MAX_CELL_CHARS) return value;
  cut.push({
    type: 'cut',
    ...place,
    column: place.column ?? '',
    message: `text of ${groupedCount(value.length)} characters cut to Excel's limit of 32,767 per cell`,
    action: 'text cut',
  });
  return cutCellText(value);
}

/** Column width in characters: CJK characters take two. */
function textWidth(text: string): number {
  let w = 0;
  // Widths stop at MAX_COLUMN_WIDTH: the start of a long text tells as much as all of it.
  for (const ch of text.slice(0, 2 * MAX_COLUMN_WIDTH))
    w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}
