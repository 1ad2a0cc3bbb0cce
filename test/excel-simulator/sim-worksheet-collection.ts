/// <reference types="office-js" />
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import type { SimEventSource } from './sim-events.js';
import { SimCollection } from './sim-proxy.js';
import { SimWorksheet } from './sim-worksheet.js';
import { checkSheetName, nextSheetName } from './sheet-rules.js';
import {
  createSheetModel,
  findSheetById,
  sameName,
  type SheetModel,
  type WorkbookModel,
} from './workbook-model.js';
import type { MirrorMethods } from './api-shape.js';

type CollectionMethods =
  'getItem' | 'getItemOrNullObject' | 'add' | 'getActiveWorksheet' | 'getFirst' | 'getLast';

/** The sheet with this name (any case) or id, as WorksheetCollection.getItem looks it up. */
export function findSheet(workbook: WorkbookModel, key: string): SheetModel | undefined {
  return (
    workbook.sheets.find((sheet) => sheet.id === key) ??
    workbook.sheets.find((sheet) => sameName(sheet.name, key))
  );
}

/** Excel.WorksheetCollection. */
export class SimWorksheetCollection
  extends SimCollection<SheetModel, SimWorksheet>
  implements
    MirrorMethods<Excel.WorksheetCollection, CollectionMethods>,
    Pick<Excel.WorksheetCollection, 'isNullObject'>
{
  readonly typeName = 'WorksheetCollection';

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model.sheets);
  }

  protected makeItem(sheet: SheetModel): SimWorksheet {
    return new SimWorksheet(this.context, () => sheet);
  }

  private get model(): WorkbookModel {
    return this.context.host.model;
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => {
        const sheet = findSheet(this.model, key);
        if (!sheet)
          throw new SimRichApiError('ItemNotFound', {
            message: `The worksheet '${key}' doesn't exist. The requested resource doesn't exist.`,
          });
        return sheet;
      },
      'WorksheetCollection.getItem',
      key,
    );
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => findSheet(this.model, key) ?? null,
      'WorksheetCollection.getItemOrNullObject',
      key,
    );
  }

  /** Adds a sheet at the end (not activated, as in Excel); without a name it is the next `SheetN`. */
  add(name?: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => {
        const model = this.model;
        const sheet = createSheetModel(
          model,
          name === undefined ? nextSheetName(model) : checkSheetName(model, name),
        );
        model.sheets.push(sheet);
        this.context.host.events.raise('Added:*', {
          type: 'WorksheetAdded',
          worksheetId: sheet.id,
          source: 'Local',
        });
        return sheet;
      },
      'WorksheetCollection.add',
      name,
    );
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => findSheetById(this.model, this.model.activeSheetId)!,
      'WorksheetCollection.getActiveWorksheet',
    );
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => this.edge(visibleOnly, 'first'),
      'WorksheetCollection.getFirst',
      visibleOnly,
    );
  }

  getLast(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(
      this.context,
      () => this.edge(visibleOnly, 'last'),
      'WorksheetCollection.getLast',
      visibleOnly,
    );
  }

  private edge(visibleOnly: boolean, end: 'first' | 'last'): SheetModel {
    const sheets = this.model.sheets.filter(
      (sheet) => !visibleOnly || sheet.visibility === 'Visible',
    );
    return (end === 'first' ? sheets[0] : sheets.at(-1))!;
  }

  get onAdded(): SimEventSource<unknown> {
    return this.context.host.events.source('Added:*');
  }
  get onDeleted(): SimEventSource<unknown> {
    return this.context.host.events.source('Deleted:*');
  }
  get onActivated(): SimEventSource<unknown> {
    return this.context.host.events.source('Activated:*');
  }
  get onChanged(): SimEventSource<unknown> {
    return this.context.host.events.source('Changed:*');
  }
  get onSelectionChanged(): SimEventSource<unknown> {
    return this.context.host.events.source('SelectionChanged:*');
  }
}
