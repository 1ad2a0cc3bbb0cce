import { columnLetters } from '../../test/excel-simulator/cell-address.js';
import { snapshotWorksheet } from '../../test/excel-simulator/snapshot-worksheet.js';
import type { WorkbookModel } from '../../test/excel-simulator/workbook-model.js';

/** The view shows the top-left corner of a sheet: enough to see what the pane wrote. */
const VIEW_ROWS = 200;
const VIEW_COLUMNS = 26;

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
      const value = row[c];
      td.textContent = value === undefined || value === '' ? '' : String(value);
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
