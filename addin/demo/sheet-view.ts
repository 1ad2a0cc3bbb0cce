import type { WorkbookModel } from '../../test/excel-simulator/workbook-model.js';
import { sheetViewModel } from './sheet-view-model.js';

/**
 * Sheet tabs and a read-only grid of the shown sheet's top-left corner as Excel shows it (the
 * selection outlined), drawn from the simulator's workbook model on every refresh.
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
  if (shown === null || !model.sheets.some((sheet) => sheet.name === shown)) {
    grid.replaceChildren();
    return;
  }
  const view = sheetViewModel(model, shown);
  const table = document.createElement('table');
  const head = table.insertRow();
  head.append(document.createElement('th'));
  for (const letters of view.columns) {
    const th = document.createElement('th');
    th.textContent = letters;
    head.append(th);
  }
  view.rows.forEach((row, r) => {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.append(th);
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = cell.text;
      if (cell.numeric) td.style.textAlign = 'right';
      if (cell.selected) td.className = 'selected';
    }
  });
  const caption = document.createElement('p');
  caption.textContent = view.caption;
  grid.replaceChildren(...(view.caption === '' ? [] : [caption]), table);
}
