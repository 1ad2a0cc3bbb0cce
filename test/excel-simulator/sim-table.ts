/// <reference types="office-js" />
import { parseAddress, rectColumnCount, type CellRect } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimCollection, SimProxy, type PropertyTable } from './sim-proxy.js';
import { rangeTarget, RANGE_PROPERTIES } from './range-target.js';
import { asSimRange, SimRange } from './sim-range.js';
import { SimWorksheet } from './sim-worksheet.js';
import { findSheet } from './sim-worksheet-collection.js';
import { addTable, bodyRect, checkTableName, headerRect, totalRect } from './table-rules.js';
import { cellValue } from './sheet-cells.js';
import {
  findSheetById,
  sameName,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './workbook-model.js';
import type { MirrorMethods } from './api-shape.js';

function sheetOf(workbook: WorkbookModel, table: TableModel): SheetModel {
  const sheet = findSheetById(workbook, table.sheetId);
  if (!sheet || !workbook.tables.includes(table))
    throw new SimRichApiError('ItemNotFound', {
      message: `The table '${table.name}' was deleted.`,
    });
  return sheet;
}

type TableProperties =
  | 'id'
  | 'name'
  | 'showHeaders'
  | 'showTotals'
  | 'style'
  | 'isNullObject'
  | 'delete'
  | 'convertToRange';
type TableMethods = 'getRange' | 'getHeaderRowRange' | 'getDataBodyRange' | 'getTotalRowRange';

/** Excel.Table. */
export class SimTable
  extends SimProxy<TableModel>
  implements
    Pick<Excel.Table, Exclude<TableProperties, 'convertToRange'>>,
    MirrorMethods<Excel.Table, TableMethods | 'convertToRange'>
{
  readonly typeName = 'Table';
  readonly #properties: PropertyTable<TableModel>;

  constructor(
    context: SimRequestContext,
    locate: () => TableModel | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
    const workbook = context.host.model;
    this.#properties = {
      id: { read: (table) => table.id },
      name: {
        read: (table) => table.name,
        write: (table, name) => void (table.name = checkTableName(workbook, name, table)),
      },
      showHeaders: {
        read: (table) => table.showHeaders,
        write: (table, show) => void (table.showHeaders = Boolean(show)),
      },
      showTotals: {
        read: (table) => table.showTotals,
        write: (table, show) => void (table.showTotals = Boolean(show)),
      },
      style: {
        read: (table) => table.style,
        write: (table, style) => void (table.style = String(style)),
      },
      showBandedRows: { read: () => true, write: () => undefined },
      showFilterButton: { read: () => true, write: () => undefined },
    };
  }

  protected get properties(): PropertyTable<TableModel> {
    return this.#properties;
  }

  protected override checkStillThere(table: TableModel): void {
    if (!this.context.host.model.tables.includes(table)) {
      throw new SimRichApiError('ItemNotFound', {
        message: `The table '${table.name}' was deleted.`,
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
  get showHeaders(): boolean {
    return this.loaded('showHeaders');
  }
  set showHeaders(show: boolean) {
    this.queueWrite('showHeaders', show);
  }
  get showTotals(): boolean {
    return this.loaded('showTotals');
  }
  set showTotals(show: boolean) {
    this.queueWrite('showTotals', show);
  }
  get style(): string {
    return this.loaded('style');
  }
  set style(style: string) {
    this.queueWrite('style', style);
  }
  set showBandedRows(show: boolean) {
    this.queueWrite('showBandedRows', show);
  }
  set showFilterButton(show: boolean) {
    this.queueWrite('showFilterButton', show);
  }

  protected override navigation(name: string): SimProxy<unknown> | undefined {
    if (name === 'worksheet') return this.worksheet as SimProxy<unknown>;
    if (name === 'columns') return this.columns as SimProxy<unknown>;
    return undefined;
  }

  private part(method: string, rectOf: (table: TableModel) => CellRect | undefined): SimRange {
    return new SimRange(
      this.context,
      () => {
        const table = this.target();
        const rect = rectOf(table);
        if (!rect)
          throw new SimRichApiError('ItemNotFound', {
            message: `The table '${table.name}' has no such row.`,
          });
        return rangeTarget(this.context.host, sheetOf(this.context.host.model, table), rect);
      },
      `Table.${method}`,
    );
  }

  getRange(): SimRange {
    return this.part('getRange', (table) => table.rect);
  }
  getHeaderRowRange(): SimRange {
    return this.part('getHeaderRowRange', headerRect);
  }
  getDataBodyRange(): SimRange {
    return this.part('getDataBodyRange', bodyRect);
  }
  getTotalRowRange(): SimRange {
    return this.part('getTotalRowRange', totalRect);
  }

  #worksheet: SimWorksheet | undefined;
  get worksheet(): SimWorksheet {
    return (this.#worksheet ??= new SimWorksheet(this.context, () =>
      sheetOf(this.context.host.model, this.target()),
    ));
  }

  #columns: SimTableColumnCollection | undefined;
  get columns(): SimTableColumnCollection {
    return (this.#columns ??= new SimTableColumnCollection(this.context, () => this.target()));
  }

  #rows: SimTableRowCollection | undefined;
  get rows(): SimTableRowCollection {
    return (this.#rows ??= new SimTableRowCollection(this.context, () => this.target()));
  }

  delete(): void {
    this.queueCall('delete', undefined, (table) => {
      const model = this.context.host.model;
      model.tables = model.tables.filter((item) => item !== table);
    });
  }

  convertToRange(): SimRange {
    const range = this.getRange();
    this.delete();
    return range;
  }
}

/** Excel.TableCollection: the workbook's tables, or one sheet's when `sheetId` is given. */
export class SimTableCollection
  extends SimCollection<TableModel, SimTable>
  implements
    MirrorMethods<Excel.TableCollection, 'getItem' | 'getItemOrNullObject' | 'getItemAt' | 'add'>
{
  readonly typeName = 'TableCollection';

  constructor(
    context: SimRequestContext,
    private readonly sheetId?: () => string,
  ) {
    super(context, () =>
      context.host.model.tables.filter((table) => !sheetId || table.sheetId === sheetId()),
    );
  }

  protected makeItem(table: TableModel): SimTable {
    return new SimTable(this.context, () => table);
  }

  get count(): number {
    return this.items.length;
  }

  private find(key: string): TableModel | undefined {
    return this.target().find((table) => table.id === key || sameName(table.name, key));
  }

  getItem(key: string): SimTable {
    return new SimTable(
      this.context,
      () => {
        const table = this.find(key);
        if (!table)
          throw new SimRichApiError('ItemNotFound', {
            message: `The table '${key}' doesn't exist.`,
          });
        return table;
      },
      'TableCollection.getItem',
      key,
    );
  }

  getItemOrNullObject(key: string): SimTable {
    return new SimTable(
      this.context,
      () => this.find(key) ?? null,
      'TableCollection.getItemOrNullObject',
      key,
    );
  }

  getItemAt(index: number): SimTable {
    return new SimTable(
      this.context,
      () => {
        const table = this.target()[index];
        if (!table)
          throw new SimRichApiError('InvalidArgument', {
            message: `There is no table at index ${index}.`,
          });
        return table;
      },
      'TableCollection.getItemAt',
      index,
    );
  }

  /** Adds a table over a range or address (`Sheet1!A1:D20`; a bare address is on the active or this sheet). */
  add(address: Excel.Range | SimRange | string, hasHeaders: boolean): SimTable {
    return new SimTable(
      this.context,
      () => {
        const model = this.context.host.model;
        const { sheet, rect } = this.placement(address);
        return addTable(model, sheet, rect, hasHeaders);
      },
      'TableCollection.add',
      [typeof address === 'string' ? address : 'Range', hasHeaders],
    );
  }

  private placement(address: Excel.Range | SimRange | string): {
    sheet: SheetModel;
    rect: CellRect;
  } {
    if (typeof address !== 'string') return asSimRange(address).target();
    const model = this.context.host.model;
    const parsed = parseAddress(address);
    if (!parsed)
      throw new SimRichApiError('InvalidArgument', {
        message: `'${address}' is not a valid range address.`,
      });
    const sheetKey = parsed.sheetName ?? (this.sheetId ? this.sheetId() : model.activeSheetId);
    const sheet = findSheet(model, sheetKey);
    if (!sheet)
      throw new SimRichApiError('ItemNotFound', {
        message: `The worksheet '${sheetKey}' doesn't exist.`,
      });
    return { sheet, rect: parsed.rect };
  }
}

interface ColumnEntity {
  readonly table: TableModel;
  readonly index: number;
}

/** Excel.TableColumn: name (the header text), index, and its ranges. */
export class SimTableColumn
  extends SimProxy<ColumnEntity>
  implements Pick<Excel.TableColumn, 'name' | 'index'>
{
  readonly typeName = 'TableColumn';
  readonly #properties: PropertyTable<ColumnEntity>;

  constructor(
    context: SimRequestContext,
    locate: () => ColumnEntity | null,
    instantiateAt?: string,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt });
    const workbook = context.host.model;
    this.#properties = {
      name: {
        read: (column) =>
          String(
            cellValue(
              sheetOf(workbook, column.table),
              column.table.rect.top,
              column.table.rect.left + column.index,
            ),
          ),
      },
      index: { read: (column) => column.index },
      id: { read: (column) => column.index + 1 },
    };
  }

  protected get properties(): PropertyTable<ColumnEntity> {
    return this.#properties;
  }
  get name(): string {
    return this.loaded('name');
  }
  get index(): number {
    return this.loaded('index');
  }

  private part(method: string, rectOf: (table: TableModel) => CellRect | undefined): SimRange {
    return new SimRange(
      this.context,
      () => {
        const { table, index } = this.target();
        const rect = rectOf(table);
        if (!rect)
          throw new SimRichApiError('ItemNotFound', {
            message: `The table '${table.name}' has no such row.`,
          });
        return rangeTarget(this.context.host, sheetOf(this.context.host.model, table), {
          ...rect,
          left: rect.left + index,
          right: rect.left + index,
        });
      },
      `TableColumn.${method}`,
    );
  }

  getRange(): SimRange {
    return this.part('getRange', (table) => table.rect);
  }
  getHeaderRowRange(): SimRange {
    return this.part('getHeaderRowRange', headerRect);
  }
  getDataBodyRange(): SimRange {
    return this.part('getDataBodyRange', bodyRect);
  }
}

export class SimTableColumnCollection extends SimCollection<ColumnEntity, SimTableColumn> {
  readonly typeName = 'TableColumnCollection';

  constructor(context: SimRequestContext, table: () => TableModel) {
    super(context, () => {
      const model = table();
      return Array.from({ length: rectColumnCount(model.rect) }, (_, index) => ({
        table: model,
        index,
      }));
    });
  }

  protected makeItem(column: ColumnEntity): SimTableColumn {
    return new SimTableColumn(this.context, () => column);
  }

  get count(): number {
    return this.items.length;
  }

  getItemAt(index: number): SimTableColumn {
    return new SimTableColumn(
      this.context,
      () => {
        const column = this.target()[index];
        if (!column)
          throw new SimRichApiError('InvalidArgument', {
            message: `There is no column at index ${index}.`,
          });
        return column;
      },
      'TableColumnCollection.getItemAt',
    );
  }

  /** By header name or by id (1-based). */
  getItem(key: string | number): SimTableColumn {
    return new SimTableColumn(
      this.context,
      () => {
        const columns = this.target();
        const column =
          typeof key === 'number'
            ? columns[key - 1]
            : columns.find((item) => {
                const sheet = sheetOf(this.context.host.model, item.table);
                return sameName(
                  String(cellValue(sheet, item.table.rect.top, item.table.rect.left + item.index)),
                  key,
                );
              });
        if (!column)
          throw new SimRichApiError('ItemNotFound', {
            message: `The table column '${key}' doesn't exist.`,
          });
        return column;
      },
      'TableColumnCollection.getItem',
    );
  }
}

/** Excel.TableRowCollection: `add` appends rows (the table grows); `count` after load. */
export class SimTableRowCollection extends SimProxy<TableModel> {
  readonly typeName = 'TableRowCollection';

  constructor(context: SimRequestContext, table: () => TableModel) {
    super(context, table);
  }

  protected get properties(): PropertyTable<TableModel> {
    return { count: { read: (table) => bodyRect(table).bottom - bodyRect(table).top + 1 } };
  }

  get count(): number {
    return this.loaded('count');
  }

  add(index?: number | null, values?: unknown[][]): void {
    this.queueCall('add', [index, values], async (table) => {
      if (index !== null && index !== undefined) {
        throw new SimRichApiError('NotImplemented', {
          message: 'The simulator appends table rows only (index null).',
        });
      }
      const sheet = sheetOf(this.context.host.model, table);
      const count = values?.length ?? 1;
      const body = bodyRect(table);
      const blankFirstRow =
        table.rect.bottom === table.rect.top + 1 &&
        Array.from({ length: rectColumnCount(table.rect) }, (_, c) =>
          cellValue(sheet, body.top, table.rect.left + c),
        ).every((value) => value === '');
      const top = blankFirstRow ? body.top : body.bottom + 1;
      table.rect = {
        ...table.rect,
        bottom: Math.max(table.rect.bottom, top + count - 1 + (table.showTotals ? 1 : 0)),
      };
      if (values)
        RANGE_PROPERTIES.values!.write!(
          rangeTarget(this.context.host, sheet, {
            left: table.rect.left,
            right: table.rect.right,
            top,
            bottom: top + count - 1,
          }),
          values,
        );
    });
  }
}
