import { columnLetters } from '../../test/excel-simulator/cell-address.js';
import { snapshotWorksheet } from '../../test/excel-simulator/snapshot-worksheet.js';
import type { WorkbookModel } from '../../test/excel-simulator/workbook-model.js';

/** The view shows the top-left corner of a sheet: enough to see what the pane wrote. */
const VIEW_ROWS = 200;
const VIEW_COLUMNS = 26;
/** Sheets longer than this are not drawn: copying them would stall the page the pane shares. */
const MAX_DRAWN_ROWS = 20_000;

/**
 * Sheet tabs and a read-only grid of the shown sheet's values (the selection outlined), drawn
 * from the simulator's workbook model.
 */
export function renderSheetView(
  tabs: HTMLElement,
  grid: HTMLElement,
  model: WorkbookModel,
  shown: string | null,
  onShow: (name: string) => void,
): void {
  tabs.replaceChildren(
    ...model.sheets.map((sheet) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.textContent = sheet.name;
      tab.className = sheet.name === shown ? 'active' : '';
      tab.addEventListener('click', () => onShow(sheet.name));
      return tab;
    }),
  );
  const sheet = model.sheets.find((s) => s.name === shown);
  if (sheet === undefined) {
    grid.replaceChildren();
    return;
  }
  // The row list's length bounds the used range without scanning a million rows.
  if (sheet.rows.length > MAX_DRAWN_ROWS) {
    grid.textContent = `${sheet.name}: ${sheet.rows.length.toLocaleString('en-US')} rows, too many to draw here`;
    return;
  }
  const snapshot = snapshotWorksheet(model, sheet.id);
  const selected = model.selection.sheetId === sheet.id ? model.selection.rect : null;
  const table = document.createElement('table');
  const columns = Math.min(VIEW_COLUMNS, snapshot.values[0]?.length ?? 0);
  const head = table.insertRow();
  head.append(document.createElement('th'));
  for (let c = 0; c < columns; c += 1) {
    const th = document.createElement('th');
    th.textContent = columnLetters(c);
    head.append(th);
  }
  snapshot.values.slice(0, VIEW_ROWS).forEach((row, r) => {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < columns; c += 1) {
      const td = tr.insertCell();
      td.textContent = shownText(row[c], snapshot.numberFormats[r]?.[c] ?? 'General');
      if (typeof row[c] === 'number') td.style.textAlign = 'right';
      if (
        selected &&
        r >= selected.top &&
        r <= selected.bottom &&
        c >= selected.left &&
        c <= selected.right
      )
        td.className = 'selected';
    }
  });
  grid.replaceChildren(table);
}

/** A cell as Excel would show it for the number formats the pane writes (a demo, not Excel's formatter). */
function shownText(value: unknown, format: string): string {
  if (value === undefined || value === '' || value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (format.endsWith('%')) return `${(value * 100).toFixed(format.includes('.0') ? 1 : 0)}%`;
  if (format === 'yyyy-mm-dd')
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  if (format.startsWith('#,##0')) {
    const digits = format.includes('.00') ? 2 : format.includes('.0') ? 1 : 0;
    return value.toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }
  return String(Math.round(value * 1e9) / 1e9);
}
