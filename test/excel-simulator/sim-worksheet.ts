/// <reference types="office-js" />
import { formatRect, parseAddress } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import type { HostState, SimRequestContext } from './sim-context.js';
import type { SimEventSource } from './sim-events.js';
import { SimProxy, type PropertyTable } from './sim-proxy.js';
import { rangeTarget, type RangeTarget } from './range-target.js';
import { SimRange } from './sim-range.js';
import { SimTableCollection } from './sim-table.js';
import { SimChartCollection } from './sim-chart.js';
import { SimWorksheetCustomPropertyCollection } from './sim-custom-property.js';
import { usedRect } from './sheet-cells.js';
import { requireExcelApi } from './api-sets.js';
import { copySheet, type CopyPosition } from './copy-sheet.js';
import { checkSheetName, deleteSheet, moveSheet, setVisibility } from './sheet-rules.js';
import { sameName, type SheetModel } from './workbook-model.js';
import type { MirrorMethods } from './api-shape.js';

type WorksheetProperties =
  'id' | 'name' | 'position' | 'visibility' | 'tabColor' | 'isNullObject' | 'activate' | 'delete';
type WorksheetMethods =
  | 'getRange'
  | 'getRangeByIndexes'
  | 'getCell'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'copy';

/** Excel.Worksheet over a sheet of the model; its id survives renames and moves. */
export class SimWorksheet
  extends SimProxy<SheetModel>
  implements
    Pick<Excel.Worksheet, WorksheetProperties>,
    MirrorMethods<Excel.Worksheet, WorksheetMethods>
{
  readonly typeName = 'Worksheet';
  readonly #properties: PropertyTable<SheetModel>;

  constructor(
    context: SimRequestContext,
    locate: () => SheetModel | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
    const workbook = context.host.model;
    this.#properties = {
      id: { read: (sheet) => sheet.id },
      name: {
        read: (sheet) => sheet.name,
        write: (sheet, name) => void (sheet.name = checkSheetName(workbook, name, sheet)),
      },
      position: {
        read: (sheet) => workbook.sheets.indexOf(sheet),
        write: (sheet, position) => moveSheet(workbook, sheet, position),
      },
      visibility: {
        read: (sheet) => sheet.visibility,
        write: (sheet, visibility) => setVisibility(workbook, sheet, visibility),
      },
      tabColor: {
        read: (sheet) => sheet.tabColor,
        write: (sheet, color) => void (sheet.tabColor = String(color)),
      },
      standardWidth: { read: () => 8.43 },
      showGridlines: {
        read: (sheet) => sheet.showGridlines,
        write: (sheet, show) => void (sheet.showGridlines = Boolean(show)),
      },
    };
  }

  protected get properties(): PropertyTable<SheetModel> {
    return this.#properties;
  }

  protected override checkStillThere(sheet: SheetModel): void {
    if (!this.context.host.model.sheets.includes(sheet)) {
      throw new SimRichApiError('ItemNotFound', {
        message: `The worksheet '${sheet.name}' was deleted.`,
      });
    }
  }

  get id(): string {
    return this.loaded('id');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(name: string) {
    this.queueWrite('name', name);
  }
  get position(): number {
    return this.loaded('position');
  }
  set position(position: number) {
    this.queueWrite('position', position);
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.loaded('visibility');
  }
  set visibility(visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.queueWrite('visibility', visibility);
  }
  /** ExcelApi 1.8. */
  get showGridlines(): boolean {
    return this.loaded('showGridlines');
  }
  set showGridlines(show: boolean) {
    this.queueWrite('showGridlines', show);
  }
  get tabColor(): string {
    return this.loaded('tabColor');
  }
  set tabColor(color: string) {
    this.queueWrite('tabColor', color);
  }

  /** A range of this sheet by address (`A1:C3`, `A:A`, `2:2`) or defined name; the whole sheet without one. */
  static rangeOn(host: HostState, sheet: SheetModel, address: string | undefined): RangeTarget {
    if (address === undefined || address === '')
      return rangeTarget(host, sheet, { top: 0, left: 0, bottom: 1_048_575, right: 16_383 });
    const parsed = parseAddress(address) ?? namedAddress(host, address);
    if (!parsed)
      throw new SimRichApiError('InvalidArgument', {
        message: `'${address}' is not a valid range address.`,
      });
    if (parsed.sheetName !== undefined && !sameName(parsed.sheetName, sheet.name)) {
      throw new SimRichApiError('InvalidArgument', {
        message: `'${address}' is not on worksheet '${sheet.name}'.`,
      });
    }
    return rangeTarget(host, sheet, parsed.rect);
  }

  getRange(address?: string): SimRange {
    return new SimRange(
      this.context,
      () => SimWorksheet.rangeOn(this.context.host, this.target(), address),
      'Worksheet.getRange',
      address,
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): SimRange {
    const rect = {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    };
    return new SimRange(
      this.context,
      () => rangeTarget(this.context.host, this.target(), rect),
      'Worksheet.getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
    );
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; a blank sheet gives A1, as Excel does. */
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const sheet = this.target();
        return rangeTarget(
          this.context.host,
          sheet,
          usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
        );
      },
      'Worksheet.getUsedRange',
      valuesOnly,
    );
  }

  /** ExcelApi 1.4: a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const sheet = this.target();
        const rect = usedRect(sheet, valuesOnly);
        return rect ? rangeTarget(this.context.host, sheet, rect) : null;
      },
      'Worksheet.getUsedRangeOrNullObject',
      valuesOnly,
    );
  }

  activate(): void {
    this.queueCall('activate', undefined, (sheet) => {
      if (sheet.visibility !== 'Visible')
        throw new SimRichApiError('InvalidOperation', {
          message: 'A hidden worksheet cannot be activated.',
        });
      const model = this.context.host.model;
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      const args = { type: 'WorksheetActivated', worksheetId: sheet.id };
      this.context.host.events.raise(`Activated:${sheet.id}`, args);
      this.context.host.events.raise('Activated:*', args);
    });
  }

  /**
   * ExcelApi 1.7: Move or Copy → Create a copy. The copy is a new sheet (new id) carrying the
   * original's cells, formats, charts, tables and custom properties; see copySheet.
   */
  copy(positionType: CopyPosition = 'None', relativeTo?: Excel.Worksheet): SimWorksheet {
    const anchor = relativeTo as unknown as SimWorksheet | undefined;
    return new SimWorksheet(
      this.context,
      () => {
        requireExcelApi(this.context.host, '1.7', 'Worksheet.copy');
        const model = this.context.host.model;
        const sheet = copySheet(model, this.target(), positionType, anchor?.target() ?? null);
        this.context.host.events.raise('Added:*', {
          type: 'WorksheetAdded',
          worksheetId: sheet.id,
          source: 'Local',
        });
        return sheet;
      },
      'Worksheet.copy',
      positionType,
    );
  }

  delete(): void {
    this.queueCall('delete', undefined, (sheet) => {
      deleteSheet(this.context.host.model, sheet);
      this.context.host.events.raise('Deleted:*', {
        type: 'WorksheetDeleted',
        worksheetId: sheet.id,
        source: 'Local',
      });
    });
  }

  #tables: SimTableCollection | undefined;
  get tables(): SimTableCollection {
    return (this.#tables ??= new SimTableCollection(this.context, () => this.target().id));
  }

  #charts: SimChartCollection | undefined;
  get charts(): SimChartCollection {
    return (this.#charts ??= new SimChartCollection(this.context, () => this.target()));
  }

  #customProperties: SimWorksheetCustomPropertyCollection | undefined;
  /** ExcelApi 1.12. */
  get customProperties(): SimWorksheetCustomPropertyCollection {
    return (this.#customProperties ??= new SimWorksheetCustomPropertyCollection(this.context, () =>
      this.target(),
    ));
  }

  /** ExcelApi 1.7: frozen header rows and columns, recorded on the model. */
  get freezePanes(): {
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
    unfreeze(): void;
  } {
    return {
      freezeRows: (count = 1) =>
        this.queueCall(
          'freezePanes.freezeRows',
          count,
          (sheet) => void (sheet.frozen = { rows: count, columns: 0 }),
        ),
      freezeColumns: (count = 1) =>
        this.queueCall(
          'freezePanes.freezeColumns',
          count,
          (sheet) => void (sheet.frozen = { rows: 0, columns: count }),
        ),
      unfreeze: () =>
        this.queueCall(
          'freezePanes.unfreeze',
          undefined,
          (sheet) => void (sheet.frozen = { rows: 0, columns: 0 }),
        ),
    };
  }

  get onChanged(): SimEventSource<unknown> {
    return this.sheetEvent('Changed');
  }
  get onActivated(): SimEventSource<unknown> {
    return this.sheetEvent('Activated');
  }
  get onSelectionChanged(): SimEventSource<unknown> {
    return this.sheetEvent('SelectionChanged');
  }

  /** Registered at the next sync, as Office.js registers handlers; keyed by the sheet's id. */
  private sheetEvent(event: string): SimEventSource<unknown> {
    return {
      add: (handler) => {
        let registration: { remove(): void } | undefined;
        let removed = false;
        this.queueCall(`on${event}.add`, undefined, (sheet) => {
          if (!removed)
            registration = this.context.host.events
              .source<unknown>(`${event}:${sheet.id}`)
              .add(handler);
        });
        return { remove: () => ((removed = true), registration?.remove()) };
      },
    };
  }

  /** The address of a rectangle on this sheet, for messages. */
  static describe(sheet: SheetModel, rect: RangeTarget['rect']): string {
    return `${sheet.name}!${formatRect(rect)}`;
  }
}

/** A workbook-level defined name that refers to a range (`=Deals!$A$1:$F$20`). */
function namedAddress(host: HostState, name: string): ReturnType<typeof parseAddress> {
  const item = host.model.names.find((named) => sameName(named.name, name));
  return item ? parseAddress(item.formula.replace(/^=/, '')) : undefined;
}
