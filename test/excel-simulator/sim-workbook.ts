/// <reference types="office-js" />
import { requireExcelApi } from './api-sets.js';
import type { SimRequestContext } from './sim-context.js';
import type { SimEventSource } from './sim-events.js';
import { SimKeyValueCollection } from './sim-key-value.js';
import { SimNamedItemCollection } from './sim-named-item.js';
import { SimProxy, type PropertyTable } from './sim-proxy.js';
import { rangeTarget } from './range-target.js';
import { SimRange } from './sim-range.js';
import { SimTableCollection } from './sim-table.js';
import { SimWorksheetCollection } from './sim-worksheet-collection.js';
import { findSheetById, type WorkbookModel } from './workbook-model.js';

/** Settings hold JSON: a value is stored as its JSON round trip, as Excel serialises it. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Excel.Workbook: the entry point of `context.workbook`. */
export class SimWorkbook extends SimProxy<WorkbookModel> implements Pick<Excel.Workbook, 'name'> {
  readonly typeName = 'Workbook';
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly names: SimNamedItemCollection;
  /** ExcelApi 1.4: this add-in's settings, saved in the workbook. */
  readonly settings: SimKeyValueCollection;
  /** ExcelApi 1.8 `suspendApiCalculationUntilNextSync`; calculation itself is not simulated. */
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
    calculate(calculationType: string): void;
  };

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model);
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context);
    this.names = new SimNamedItemCollection(context);
    this.settings = new SimKeyValueCollection(
      'SettingCollection',
      'Setting',
      context,
      () => context.host.model.settings,
      jsonCopy,
    );
    const noOp = (): void => undefined;
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.queueCall('application.suspendApiCalculationUntilNextSync', undefined, noOp),
      suspendScreenUpdatingUntilNextSync: () =>
        this.queueCall('application.suspendScreenUpdatingUntilNextSync', undefined, noOp),
      calculate: (calculationType) =>
        this.queueCall('application.calculate', calculationType, noOp),
    };
  }

  protected get properties(): PropertyTable<WorkbookModel> {
    const host = this.context.host;
    return {
      name: { read: () => 'Book1.xlsx' },
      use1904DateSystem: {
        read: (workbook) => {
          requireExcelApi(host, '1.16', 'Workbook.use1904DateSystem');
          return workbook.date1904;
        },
        write: (workbook, value) => {
          requireExcelApi(host, '1.16', 'Workbook.use1904DateSystem');
          workbook.date1904 = Boolean(value);
        },
      },
    };
  }

  get name(): string {
    return this.loaded('name');
  }

  /**
   * ExcelApi 1.16: whether serial numbers count from 1904-01-01 (workbookPr date1904 of the
   * loaded file). Not yet declared by the @types/office-js release the project uses.
   */
  get use1904DateSystem(): boolean {
    return this.loaded('use1904DateSystem');
  }
  set use1904DateSystem(value: boolean) {
    this.queueWrite('use1904DateSystem', value);
  }

  /** The selected cells (A1 of the active sheet until something is selected). */
  getSelectedRange(): SimRange {
    return new SimRange(
      this.context,
      () => {
        const model = this.context.host.model;
        const sheet =
          findSheetById(model, model.selection.sheetId) ??
          findSheetById(model, model.activeSheetId)!;
        return rangeTarget(this.context.host, sheet, model.selection.rect);
      },
      'Workbook.getSelectedRange',
    );
  }

  /** ExcelApi 1.7: the active cell, the selection's top-left. */
  getActiveCell(): SimRange {
    return new SimRange(
      this.context,
      () => {
        const model = this.context.host.model;
        const sheet =
          findSheetById(model, model.selection.sheetId) ??
          findSheetById(model, model.activeSheetId)!;
        const { top, left } = model.selection.rect;
        return rangeTarget(this.context.host, sheet, { top, left, bottom: top, right: left });
      },
      'Workbook.getActiveCell',
    );
  }

  /** ExcelApi 1.10. */
  get onSelectionChanged(): SimEventSource<unknown> {
    return this.context.host.events.source('SelectionChanged:*');
  }
}
