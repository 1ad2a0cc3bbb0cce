/// <reference types="office-js" />
import { rectsOverlap } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimCollection, SimProxy, type PropertyTable } from './sim-proxy.js';
import { rangeTarget, type RangeTarget } from './range-target.js';
import { recordedObject, type RecordedObject } from './recorded-object.js';
import { SimRange } from './sim-range.js';
import { nextModelId, type ConditionalFormatModel, type SheetModel } from './workbook-model.js';

const CONTAINERS = new Set([
  'format',
  'font',
  'fill',
  'borders',
  'rule',
  'criteria',
  'positiveFormat',
  'negativeFormat',
  'lowerBoundRule',
  'upperBoundRule',
  'minimum',
  'maximum',
  'midpoint',
]);

const TYPES = new Set([
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
]);

interface FormatEntity {
  readonly sheet: SheetModel;
  readonly format: ConditionalFormatModel;
}

/** Excel.ConditionalFormat: type, priority and stopIfTrue; its rule and format parts are recorded as set. */
export class SimConditionalFormat
  extends SimProxy<FormatEntity>
  implements Pick<Excel.ConditionalFormat, 'id' | 'type' | 'priority' | 'stopIfTrue' | 'delete'>
{
  readonly typeName = 'ConditionalFormat';

  constructor(
    context: SimRequestContext,
    locate: () => FormatEntity | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
  }

  protected get properties(): PropertyTable<FormatEntity> {
    return {
      id: { read: (e) => e.format.id },
      type: { read: (e) => e.format.type },
      priority: {
        read: (e) => e.format.priority,
        write: (e, value) => void (e.format.priority = Number(value)),
      },
      stopIfTrue: {
        read: (e) => e.format.stopIfTrue,
        write: (e, value) => void (e.format.stopIfTrue = Boolean(value)),
      },
    };
  }

  get id(): string {
    return this.loaded('id');
  }
  get type():
    | Excel.ConditionalFormatType
    | 'Custom'
    | 'DataBar'
    | 'ColorScale'
    | 'IconSet'
    | 'TopBottom'
    | 'PresetCriteria'
    | 'ContainsText'
    | 'CellValue' {
    return this.loaded('type');
  }
  get priority(): number {
    return this.loaded('priority');
  }
  set priority(value: number) {
    this.queueWrite('priority', value);
  }
  get stopIfTrue(): boolean {
    return this.loaded('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.queueWrite('stopIfTrue', value);
  }

  private part(name: string): RecordedObject {
    return recordedObject(
      this.context,
      'ConditionalFormat',
      () => this.target().format.properties,
      CONTAINERS,
      `${name}.`,
    );
  }

  get cellValue(): RecordedObject {
    return this.part('cellValue');
  }
  get colorScale(): RecordedObject {
    return this.part('colorScale');
  }
  get dataBar(): RecordedObject {
    return this.part('dataBar');
  }
  get custom(): RecordedObject {
    return this.part('custom');
  }
  get iconSet(): RecordedObject {
    return this.part('iconSet');
  }
  get preset(): RecordedObject {
    return this.part('preset');
  }
  get textComparison(): RecordedObject {
    return this.part('textComparison');
  }
  get topBottom(): RecordedObject {
    return this.part('topBottom');
  }

  getRange(): SimRange {
    return new SimRange(
      this.context,
      () => {
        const { sheet, format } = this.target();
        return rangeTarget(this.context.host, sheet, format.rect);
      },
      'ConditionalFormat.getRange',
    );
  }

  delete(): void {
    this.queueCall('delete', undefined, ({ sheet, format }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((item) => item !== format);
    });
  }
}

/** Excel.ConditionalFormatCollection of a range: the sheet's formats that overlap it. */
export class SimConditionalFormatCollection extends SimCollection<
  FormatEntity,
  SimConditionalFormat
> {
  readonly typeName = 'ConditionalFormatCollection';

  constructor(
    context: SimRequestContext,
    private readonly range: () => RangeTarget | null,
  ) {
    super(context, () => {
      const target = range();
      if (!target) return [];
      return target.sheet.conditionalFormats
        .filter((format) => rectsOverlap(format.rect, target.rect))
        .map((format) => ({ sheet: target.sheet, format }));
    });
  }

  protected makeItem(entity: FormatEntity): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => entity);
  }

  /** Adds a format of the given type over the range, at priority 0 (the others move down one). */
  add(type: Excel.ConditionalFormatType | string): SimConditionalFormat {
    return new SimConditionalFormat(
      this.context,
      () => {
        const target = this.range();
        if (!target)
          throw new SimRichApiError('InvalidObjectPath', {
            location: 'ConditionalFormatCollection.add',
          });
        if (!TYPES.has(type))
          throw new SimRichApiError('InvalidArgument', {
            message: `'${type}' is not a conditional format type.`,
          });
        for (const format of target.sheet.conditionalFormats) format.priority += 1;
        const format: ConditionalFormatModel = {
          id: nextModelId(this.context.host.model),
          type,
          rect: target.rect,
          properties: {},
          priority: 0,
          stopIfTrue: false,
        };
        target.sheet.conditionalFormats.push(format);
        return { sheet: target.sheet, format };
      },
      'ConditionalFormatCollection.add',
      type,
    );
  }

  getItem(id: string): SimConditionalFormat {
    return new SimConditionalFormat(
      this.context,
      () => {
        const found = this.target().find((entity) => entity.format.id === id);
        if (!found)
          throw new SimRichApiError('ItemNotFound', {
            message: `The conditional format '${id}' doesn't exist.`,
          });
        return found;
      },
      'ConditionalFormatCollection.getItem',
      id,
    );
  }

  /** Removes every conditional format that overlaps the range. */
  clearAll(): void {
    this.queueCall('clearAll', undefined, (entities) => {
      for (const { sheet, format } of entities)
        sheet.conditionalFormats = sheet.conditionalFormats.filter((item) => item !== format);
    });
  }
}
