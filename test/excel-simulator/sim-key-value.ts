/// <reference types="office-js" />
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimCollection, SimProxy, type PropertyTable } from './sim-proxy.js';

/** One entry of a key-value store (a setting, a worksheet custom property). */
export interface KeyValueEntity {
  readonly store: Map<string, unknown>;
  readonly key: string;
}

/**
 * Excel.Setting and Excel.WorksheetCustomProperty: `key`, `value` (read-write) and `delete()`.
 * Keys compare without regard to case, as Excel's do.
 */
export class SimKeyValueItem
  extends SimProxy<KeyValueEntity>
  implements Pick<Excel.Setting, 'key' | 'value' | 'delete'>
{
  constructor(
    readonly typeName: string,
    context: SimRequestContext,
    locate: () => KeyValueEntity | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
  }

  protected get properties(): PropertyTable<KeyValueEntity> {
    return {
      key: { read: (e) => e.key },
      value: {
        read: (e) => e.store.get(e.key),
        write: (e, value) => void e.store.set(e.key, value),
      },
    };
  }

  get key(): string {
    return this.loaded('key');
  }
  get value(): unknown {
    return this.loaded('value');
  }
  set value(value: unknown) {
    this.queueWrite('value', value);
  }

  delete(): void {
    this.queueCall('delete', undefined, (e) => void e.store.delete(e.key));
  }
}

function findKey(store: Map<string, unknown>, key: string): string | undefined {
  const upper = key.toUpperCase();
  for (const existing of store.keys()) if (existing.toUpperCase() === upper) return existing;
  return undefined;
}

/** Excel.SettingCollection (ExcelApi 1.4) and WorksheetCustomPropertyCollection (ExcelApi 1.12). */
export class SimKeyValueCollection extends SimCollection<KeyValueEntity, SimKeyValueItem> {
  constructor(
    readonly typeName: string,
    private readonly itemType: string,
    context: SimRequestContext,
    private readonly store: () => Map<string, unknown>,
    private readonly checkValue: (value: unknown) => unknown = (value) => value,
  ) {
    super(context, () => {
      const map = store();
      return [...map.keys()].map((key) => ({ store: map, key }));
    });
  }

  protected makeItem(entity: KeyValueEntity): SimKeyValueItem {
    return new SimKeyValueItem(this.itemType, this.context, () => entity);
  }

  /** Adds the entry, or replaces the value of an existing key. */
  add(key: string, value: unknown): SimKeyValueItem {
    return new SimKeyValueItem(
      this.itemType,
      this.context,
      () => {
        if (typeof key !== 'string' || key === '' || key.length > 255) {
          throw new SimRichApiError('InvalidArgument', {
            message: `'${String(key)}' is not a valid key.`,
          });
        }
        const map = this.store();
        const existing = findKey(map, key) ?? key;
        map.set(existing, this.checkValue(value));
        return { store: map, key: existing };
      },
      `${this.typeName}.add`,
      [key, value],
    );
  }

  getItem(key: string): SimKeyValueItem {
    return new SimKeyValueItem(
      this.itemType,
      this.context,
      () => {
        const map = this.store();
        const existing = findKey(map, key);
        if (existing === undefined)
          throw new SimRichApiError('ItemNotFound', { message: `The key '${key}' doesn't exist.` });
        return { store: map, key: existing };
      },
      `${this.typeName}.getItem`,
      key,
    );
  }

  getItemOrNullObject(key: string): SimKeyValueItem {
    return new SimKeyValueItem(
      this.itemType,
      this.context,
      () => {
        const map = this.store();
        const existing = findKey(map, key);
        return existing === undefined ? null : { store: map, key: existing };
      },
      `${this.typeName}.getItemOrNullObject`,
      key,
    );
  }
}
