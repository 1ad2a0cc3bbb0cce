/// <reference types="office-js" />
import { formatRect, MAX_COLUMNS, MAX_ROWS, type CellRect } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimProxy, type PropertyTable } from './sim-proxy.js';
import { RANGE_PROPERTIES, rangeTarget, type RangeTarget } from './range-target.js';
import { SimConditionalFormatCollection } from './sim-conditional-format.js';
import { SimRangeFormat } from './sim-range-format.js';
import { SimWorksheet } from './sim-worksheet.js';
import { clearRect, surroundingRect, usedRect } from './sheet-cells.js';
import type { SimCellValue } from './workbook-model.js';
import type { MirrorMethods } from './api-shape.js';

type RangeProperties =
  | 'address'
  | 'addressLocal'
  | 'rowCount'
  | 'columnCount'
  | 'rowIndex'
  | 'columnIndex'
  | 'cellCount'
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'text'
  | 'isNullObject'
  | 'select'
  | 'clear';

type RangeMethods =
  | 'getCell'
  | 'getRow'
  | 'getColumn'
  | 'getOffsetRange'
  | 'getResizedRange'
  | 'getAbsoluteResizedRange'
  | 'getBoundingRect'
  | 'getIntersection'
  | 'getIntersectionOrNullObject'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getLastCell'
  | 'getEntireRow'
  | 'getEntireColumn'
  | 'getRowsAbove'
  | 'getRowsBelow'
  | 'getColumnsBefore'
  | 'getColumnsAfter'
  | 'getSurroundingRegion'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'track'
  | 'untrack';

/** Excel.Range over the simulator's model; every name here is checked against @types/office-js. */
export class SimRange
  extends SimProxy<RangeTarget>
  implements Pick<Excel.Range, RangeProperties>, MirrorMethods<Excel.Range, RangeMethods>
{
  readonly typeName = 'Range';

  constructor(
    context: SimRequestContext,
    locate: () => RangeTarget | null,
    instantiateAt: string,
    payload?: unknown,
  ) {
    super(context, locate, { instantiateAt, payload });
  }

  protected get properties(): PropertyTable<RangeTarget> {
    return RANGE_PROPERTIES;
  }

  protected override checkStillThere(target: RangeTarget): void {
    if (!target.host.model.sheets.includes(target.sheet)) {
      throw new SimRichApiError('ItemNotFound', {
        message: `The worksheet '${target.sheet.name}' was deleted.`,
      });
    }
  }

  protected override navigation(name: string): SimProxy<unknown> | undefined {
    if (name === 'format') return this.format as SimProxy<unknown>;
    if (name === 'worksheet') return this.worksheet as SimProxy<unknown>;
    return undefined;
  }

  get address(): string {
    return this.loaded('address');
  }
  get addressLocal(): string {
    return this.loaded('addressLocal');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get cellCount(): number {
    return this.loaded('cellCount');
  }
  get text(): string[][] {
    return this.loaded('text');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded('valueTypes');
  }

  get values(): SimCellValue[][] {
    return this.loaded('values');
  }
  set values(values: unknown[][]) {
    this.queueWrite('values', values);
  }
  get formulas(): SimCellValue[][] {
    return this.loaded('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.queueWrite('formulas', formulas);
  }
  get formulasLocal(): SimCellValue[][] {
    return this.loaded('formulasLocal');
  }
  set formulasLocal(formulas: unknown[][]) {
    this.queueWrite('formulasLocal', formulas);
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.queueWrite('numberFormat', formats);
  }
  get numberFormatLocal(): string[][] {
    return this.loaded('numberFormatLocal');
  }
  set numberFormatLocal(formats: unknown[][]) {
    this.queueWrite('numberFormatLocal', formats);
  }

  #format: SimRangeFormat | undefined;
  get format(): SimRangeFormat {
    return (this.#format ??= new SimRangeFormat(this.context, () => this.resolveTarget()));
  }

  #conditionalFormats: SimConditionalFormatCollection | undefined;
  get conditionalFormats(): SimConditionalFormatCollection {
    return (this.#conditionalFormats ??= new SimConditionalFormatCollection(this.context, () =>
      this.resolveTarget(),
    ));
  }

  #worksheet: SimWorksheet | undefined;
  get worksheet(): SimWorksheet {
    return (this.#worksheet ??= new SimWorksheet(
      this.context,
      () => this.resolveTarget()?.sheet ?? null,
    ));
  }

  /** A range derived from this one; `compute` gets this range's rectangle. */
  private derive(
    method: string,
    compute: (rect: CellRect, target: RangeTarget) => CellRect | null,
    args: unknown[] = [],
  ): SimRange {
    return new SimRange(
      this.context,
      () => {
        const target = this.target();
        const rect = compute(target.rect, target);
        return rect === null ? null : rangeTarget(target.host, target.sheet, rect);
      },
      `Range.${method}`,
      args,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this.derive('getCell', (r) => cell(r.top + row, r.left + column), [row, column]);
  }
  getRow(row: number): SimRange {
    return this.derive('getRow', (r) => ({ ...r, top: r.top + row, bottom: r.top + row }), [row]);
  }
  getColumn(column: number): SimRange {
    return this.derive(
      'getColumn',
      (r) => ({ ...r, left: r.left + column, right: r.left + column }),
      [column],
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derive('getOffsetRange', (r) => shift(r, rowOffset, columnOffset), [
      rowOffset,
      columnOffset,
    ]);
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derive(
      'getResizedRange',
      (r) => ({ ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns }),
      [deltaRows, deltaColumns],
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this.derive(
      'getAbsoluteResizedRange',
      (r) => ({ ...r, bottom: r.top + numRows - 1, right: r.left + numColumns - 1 }),
      [numRows, numColumns],
    );
  }
  getBoundingRect(anotherRange: Excel.Range | SimRange | string): SimRange {
    return this.derive('getBoundingRect', (r, t) => {
      const other = this.otherRect(anotherRange, t);
      return {
        top: Math.min(r.top, other.top),
        left: Math.min(r.left, other.left),
        bottom: Math.max(r.bottom, other.bottom),
        right: Math.max(r.right, other.right),
      };
    });
  }
  getIntersection(anotherRange: Excel.Range | SimRange | string): SimRange {
    return this.derive('getIntersection', (r, t) => {
      const rect = intersect(r, this.otherRect(anotherRange, t));
      if (!rect)
        throw new SimRichApiError('ItemNotFound', { message: 'The ranges do not intersect.' });
      return rect;
    });
  }
  getIntersectionOrNullObject(anotherRange: Excel.Range | SimRange | string): SimRange {
    return this.derive('getIntersectionOrNullObject', (r, t) =>
      intersect(r, this.otherRect(anotherRange, t)),
    );
  }
  getLastRow(): SimRange {
    return this.derive('getLastRow', (r) => ({ ...r, top: r.bottom }));
  }
  getLastColumn(): SimRange {
    return this.derive('getLastColumn', (r) => ({ ...r, left: r.right }));
  }
  getLastCell(): SimRange {
    return this.derive('getLastCell', (r) => cell(r.bottom, r.right));
  }
  getEntireRow(): SimRange {
    return this.derive('getEntireRow', (r) => ({ ...r, left: 0, right: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): SimRange {
    return this.derive('getEntireColumn', (r) => ({ ...r, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getRowsAbove(count = 1): SimRange {
    return this.derive('getRowsAbove', (r) => ({ ...r, top: r.top - count, bottom: r.top - 1 }), [
      count,
    ]);
  }
  getRowsBelow(count = 1): SimRange {
    return this.derive(
      'getRowsBelow',
      (r) => ({ ...r, top: r.bottom + 1, bottom: r.bottom + count }),
      [count],
    );
  }
  getColumnsBefore(count = 1): SimRange {
    return this.derive(
      'getColumnsBefore',
      (r) => ({ ...r, left: r.left - count, right: r.left - 1 }),
      [count],
    );
  }
  getColumnsAfter(count = 1): SimRange {
    return this.derive(
      'getColumnsAfter',
      (r) => ({ ...r, left: r.right + 1, right: r.right + count }),
      [count],
    );
  }
  /** ExcelApi 1.7: the current region (Ctrl+A) around the range. */
  getSurroundingRegion(): SimRange {
    return this.derive('getSurroundingRegion', (r, t) => surroundingRect(t.sheet, r));
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this.derive(
      'getUsedRange',
      (r, t) => {
        const used = usedRect(t.sheet, valuesOnly);
        const rect = used && intersect(r, used);
        if (!rect)
          throw new SimRichApiError('ItemNotFound', { message: 'The range has no used cells.' });
        return rect;
      },
      [valuesOnly],
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this.derive(
      'getUsedRangeOrNullObject',
      (r, t) => {
        const used = usedRect(t.sheet, valuesOnly);
        return used ? intersect(r, used) : null;
      },
      [valuesOnly],
    );
  }

  /** Selects the range in the Excel UI (and activates its sheet). */
  select(): void {
    this.queueCall('select', undefined, (target) => {
      const model = target.host.model;
      model.activeSheetId = target.sheet.id;
      model.selection = { sheetId: target.sheet.id, rect: target.rect };
      const args = {
        type: 'WorksheetSelectionChanged',
        worksheetId: target.sheet.id,
        address: formatRect(target.rect),
      };
      target.host.events.raise('SelectionChanged:*', args);
      target.host.events.raise(`SelectionChanged:${target.sheet.id}`, args);
    });
  }

  /** Clears values and formulas ('Contents'), formats ('Formats') or both ('All', the default). */
  clear(
    applyTo:
      | Excel.ClearApplyTo
      | 'All'
      | 'Formats'
      | 'Contents'
      | 'Hyperlinks'
      | 'RemoveHyperlinks' = 'All',
  ): void {
    this.queueCall('clear', applyTo, (target) => clearRect(target.sheet, target.rect, applyTo));
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }

  /** Sets several properties at once, as Range.set does (values, numberFormat, formulas, format). */
  set(properties: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(properties)) {
      if (name === 'format') this.format.set(value as Record<string, unknown>);
      else this.queueWrite(name, value);
    }
  }

  private otherRect(other: Excel.Range | SimRange | string, target: RangeTarget): CellRect {
    if (typeof other !== 'string') return asSimRange(other).target().rect;
    return this.worksheetRange(other, target).rect;
  }

  private worksheetRange(address: string, target: RangeTarget): RangeTarget {
    return SimWorksheet.rangeOn(target.host, target.sheet, address);
  }
}

function cell(row: number, column: number): CellRect {
  return { top: row, left: column, bottom: row, right: column };
}

function shift(rect: CellRect, rows: number, columns: number): CellRect {
  return {
    top: rect.top + rows,
    bottom: rect.bottom + rows,
    left: rect.left + columns,
    right: rect.right + columns,
  };
}

function intersect(a: CellRect, b: CellRect): CellRect | null {
  const rect = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return rect.top <= rect.bottom && rect.left <= rect.right ? rect : null;
}

/** The add-in passes ranges typed as Excel.Range; in the simulator they are SimRanges. */
export function asSimRange(range: Excel.Range | SimRange): SimRange {
  if (!(range instanceof SimRange)) throw new TypeError('the range comes from another host');
  return range;
}
