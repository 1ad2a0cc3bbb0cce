/// <reference types="office-js" />
import { formatAddress, parseAddress } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimCollection, SimProxy, type PropertyTable } from './sim-proxy.js';
import { rangeTarget } from './range-target.js';
import { asSimRange, SimRange } from './sim-range.js';
import { findSheet } from './sim-worksheet-collection.js';
import { checkTableName } from './table-rules.js';
import { sameName, type NamedItemModel } from './workbook-model.js';

/** Excel.NamedItem: a workbook-level name for a range (`=Deals!$A$1:$F$20`) or a constant. */
export class SimNamedItem
  extends SimProxy<NamedItemModel>
  implements Pick<Excel.NamedItem, 'name' | 'formula' | 'comment' | 'visible' | 'delete'>
{
  readonly typeName = 'NamedItem';

  constructor(
    context: SimRequestContext,
    locate: () => NamedItemModel | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
  }

  protected get properties(): PropertyTable<NamedItemModel> {
    return {
      name: { read: (item) => item.name },
      type: { read: (item) => (parseAddress(item.formula.replace(/^=/, '')) ? 'Range' : 'String') },
      value: { read: (item) => item.formula.replace(/^=/, '') },
      formula: {
        read: (item) => item.formula,
        write: (item, value) => void (item.formula = String(value)),
      },
      comment: {
        read: (item) => item.comment,
        write: (item, value) => void (item.comment = String(value)),
      },
      visible: {
        read: (item) => item.visible,
        write: (item, value) => void (item.visible = Boolean(value)),
      },
    };
  }

  get name(): string {
    return this.loaded('name');
  }
  get type(): Excel.NamedItemType | string {
    return this.loaded('type');
  }
  get value(): unknown {
    return this.loaded('value');
  }
  get formula(): string {
    return this.loaded('formula');
  }
  set formula(value: string) {
    this.queueWrite('formula', value);
  }
  get comment(): string {
    return this.loaded('comment');
  }
  set comment(value: string) {
    this.queueWrite('comment', value);
  }
  get visible(): boolean {
    return this.loaded('visible');
  }
  set visible(value: boolean) {
    this.queueWrite('visible', value);
  }

  getRange(): SimRange {
    return new SimRange(
      this.context,
      () => {
        const item = this.target();
        const parsed = parseAddress(item.formula.replace(/^=/, ''));
        const sheet =
          parsed?.sheetName === undefined
            ? undefined
            : findSheet(this.context.host.model, parsed.sheetName);
        if (!parsed || !sheet)
          throw new SimRichApiError('InvalidArgument', {
            message: `The name '${item.name}' does not refer to a range.`,
          });
        return rangeTarget(this.context.host, sheet, parsed.rect);
      },
      'NamedItem.getRange',
    );
  }

  delete(): void {
    this.queueCall('delete', undefined, (item) => {
      const model = this.context.host.model;
      model.names = model.names.filter((named) => named !== item);
    });
  }
}

/** Excel.NamedItemCollection of the workbook. */
export class SimNamedItemCollection extends SimCollection<NamedItemModel, SimNamedItem> {
  readonly typeName = 'NamedItemCollection';

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model.names);
  }

  protected makeItem(item: NamedItemModel): SimNamedItem {
    return new SimNamedItem(this.context, () => item);
  }

  /** Names a range or a formula; a name already used by a name or table is ItemAlreadyExists. */
  add(name: string, reference: Excel.Range | SimRange | string, comment = ''): SimNamedItem {
    return new SimNamedItem(
      this.context,
      () => {
        const model = this.context.host.model;
        checkTableName(model, name);
        let formula: string;
        if (typeof reference === 'string')
          formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const target = asSimRange(reference).target();
          formula = `=${formatAddress(target.sheet.name, target.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
        }
        const item: NamedItemModel = { name, formula, comment, visible: true };
        model.names.push(item);
        return item;
      },
      'NamedItemCollection.add',
      [name, typeof reference === 'string' ? reference : 'Range', comment],
    );
  }

  getItem(name: string): SimNamedItem {
    return new SimNamedItem(
      this.context,
      () => {
        const item = this.target().find((named) => sameName(named.name, name));
        if (!item)
          throw new SimRichApiError('ItemNotFound', {
            message: `The name '${name}' doesn't exist.`,
          });
        return item;
      },
      'NamedItemCollection.getItem',
      name,
    );
  }

  getItemOrNullObject(name: string): SimNamedItem {
    return new SimNamedItem(
      this.context,
      () => this.target().find((named) => sameName(named.name, name)) ?? null,
      'NamedItemCollection.getItemOrNullObject',
      name,
    );
  }
}
