import type { OutputChartType, OutputTable } from '../results/output-model.js';
import { blockAddress, columnLetters } from './a1-address.js';
import type { PlacedChart, PlacedTable, SheetLayout } from './sheet-layout.js';
import { CHART_COLUMNS, CHART_ROWS } from './sheet-layout.js';

const TABLE_STYLE = 'TableStyleMedium2';
const HEADER_FILL = '#E8EEF7';
const MAX_COLUMN_WIDTH_CHARS = 48;
/** Widths are measured on the first rows only: a long list would cost a pass for nothing. */
const WIDTH_SAMPLE_ROWS = 200;

/** Chart types as the strings Excel takes (the Excel.ChartType enum exists only inside Office). */
const CHART_TYPES: Readonly<Record<OutputChartType, Parameters<Excel.ChartCollection['add']>[0]>> =
  {
    barClustered: 'BarClustered',
    columnClustered: 'ColumnClustered',
    columnStacked: 'ColumnStacked',
    pareto: 'ColumnClustered',
    band: 'ColumnClustered',
  };

/**
 * Queues what makes a written sheet readable: bold titles, each table as an Excel table,
 * conditional formats, charts, and column widths fitted to the text.
 */
export function queueSheetFinish(sheet: Excel.Worksheet, layout: SheetLayout): void {
  for (const placed of layout.tables) queueTable(sheet, placed);
  for (const chart of layout.charts) queueChart(sheet, chart);
  queueColumnWidths(sheet, layout);
}

function queueTable(sheet: Excel.Worksheet, placed: PlacedTable): void {
  const { table, titleRow, headerRow } = placed;
  const title = sheet.getRangeByIndexes(titleRow, 0, 1, 1);
  title.format.font.bold = true;
  title.format.font.size = 13;
  const width = table.columns.length;
  if (table.rows.length === 0) {
    const header = sheet.getRangeByIndexes(headerRow, 0, 1, width);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    return;
  }
  const excelTable = sheet.tables.add(
    blockAddress(headerRow, 0, table.rows.length + 1, width),
    true,
  );
  excelTable.style = TABLE_STYLE;
  const highlight = table.highlight;
  if (highlight !== undefined) {
    const cells = sheet.getRangeByIndexes(headerRow + 1, highlight.column, table.rows.length, 1);
    const rule = cells.conditionalFormats.add('CellValue');
    rule.cellValue.format.fill.color = highlight.fill;
    rule.cellValue.format.font.color = highlight.font;
    rule.cellValue.rule = { formula1: String(highlight.greaterThan), operator: 'GreaterThan' };
  }
}

/**
 * A native chart of a table's first rows: the category column and the series columns, which
 * the table keeps side by side. A Pareto chart's second series (the cumulative share) is a line
 * on the secondary axis.
 */
function queueChart(sheet: Excel.Worksheet, placed: PlacedChart): void {
  const { chart, placed: source } = placed;
  const rows = Math.min(chart.maxRows, source.table.rows.length);
  const data = sheet.getRangeByIndexes(
    source.headerRow,
    chart.category,
    rows + 1,
    1 + chart.series.length,
  );
  const excelChart = sheet.charts.add(CHART_TYPES[chart.type], data, 'Columns');
  excelChart.title.text = chart.title;
  if (chart.type === 'pareto') {
    const line = excelChart.series.getItemAt(1);
    line.chartType = 'Line';
    line.axisGroup = 'Secondary';
  }
  if (chart.type === 'band')
    for (const index of [1, 2]) excelChart.series.getItemAt(index).chartType = 'Line';
  const left = columnLetters(placed.leftColumn);
  const right = columnLetters(placed.leftColumn + CHART_COLUMNS - 1);
  excelChart.setPosition(`${left}${placed.topRow + 1}`, `${right}${placed.topRow + CHART_ROWS}`);
}

function queueColumnWidths(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const widths: number[] = [];
  for (const { table } of layout.tables) measureWidths(table, widths);
  widths.forEach((chars, column) => {
    // Excel's column width in points: about 7 points a character of the default font, plus padding.
    const points = Math.min(MAX_COLUMN_WIDTH_CHARS, chars + 2) * 7;
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = points;
  });
}

function measureWidths(table: OutputTable, widths: number[]): void {
  table.columns.forEach((column, i) => {
    let chars = Math.max(widths[i] ?? 8, textWidth(column.label));
    for (const row of table.rows.slice(0, WIDTH_SAMPLE_ROWS)) {
      const cell = row[i];
      chars = Math.max(chars, typeof cell === 'string' ? textWidth(cell) : 12);
    }
    widths[i] = chars;
  });
}

/** Width in characters: CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return width;
}
