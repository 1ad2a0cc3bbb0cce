import { formatAddress, type CellRect } from './cell-address.js';
import { propertyNotLoaded } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';

/** A sub-object whose settings are recorded, not interpreted (a chart's title, a conditional format's rule). */
export type RecordedObject = { [property: string]: RecordedObject & unknown } & Record<
  string,
  unknown
>;

/**
 * A recorder for the parts of charts and conditional formats the simulator keeps as data:
 * writing `title.text = 'Deals'` queues a statement that, at sync, stores `{ 'title.text':
 * 'Deals' }` in the model object's `properties`. Names in `containers` are sub-objects (reading
 * them gives a nested recorder); other names read back what was written, and throw
 * PropertyNotLoaded otherwise. `load` and `set` behave as on any proxy.
 */
export function recordedObject(
  context: SimRequestContext,
  typeName: string,
  store: () => Record<string, unknown>,
  containers: ReadonlySet<string>,
  prefix: string | (() => string) = '',
): RecordedObject {
  /** The key prefix at sync time (a series added in the same batch learns its index then). */
  const keyPrefix = typeof prefix === 'string' ? () => prefix : prefix;
  const label = typeof prefix === 'string' ? prefix : '';
  const written = new Map<string, unknown>();
  const record = (name: string, value: unknown): void => {
    written.set(name, value);
    context.enqueue({
      location: `${typeName}.${label}${name}`,
      payload: value,
      run: () => void (store()[`${keyPrefix()}${name}`] = value),
    });
  };
  /** A method call (`setSolidColor('#FF0000')`, `setValues(range)`): its arguments, ranges as addresses. */
  const call =
    (name: string) =>
    (...args: unknown[]) => {
      context.enqueue({
        location: `${typeName}.${label}${name}`,
        payload: args.map((arg) => (isRangeProxy(arg) ? 'Range' : arg)),
        run: () => void (store()[`${keyPrefix()}${name}`] = args.map(rangeToAddress)),
      });
    };
  const methods: Record<string, unknown> = {
    setSolidColor: call('setSolidColor'),
    setValues: call('setValues'),
    setXAxisValues: call('setXAxisValues'),
    setBubbleSizes: call('setBubbleSizes'),
    setPosition: call('setPosition'),
    load: () => proxy,
    track: () => proxy,
    untrack: () => proxy,
    toJSON: () => Object.fromEntries(written),
    set: (values: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(values)) {
        if (containers.has(name) && value && typeof value === 'object') {
          (proxy[name] as unknown as { set(values: unknown): void }).set(value);
        } else record(name, value);
      }
    },
    clear: () => record('cleared', true),
    delete: () => record('deleted', true),
  };
  const proxy: RecordedObject = new Proxy({} as RecordedObject, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in methods) return methods[name];
      if (name === 'context') return context;
      if (name === 'isNullObject') return false;
      if (containers.has(name))
        return recordedObject(context, typeName, store, containers, () => `${keyPrefix()}${name}.`);
      if (written.has(name)) return written.get(name);
      throw propertyNotLoaded(typeName, `${label}${name}`);
    },
    set(_target, name, value) {
      if (typeof name === 'string') record(name, value);
      return true;
    },
  });
  return proxy;
}

interface RangeProxyLike {
  target(): { sheet: { name: string }; rect: CellRect };
}

function isRangeProxy(value: unknown): value is RangeProxyLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { target?: unknown }).target === 'function'
  );
}

/** Inside a sync: a range argument becomes its address (`Forecast!B2:B13`). */
function rangeToAddress(value: unknown): unknown {
  if (!isRangeProxy(value)) return value;
  const { sheet, rect } = value.target();
  return formatAddress(sheet.name, rect);
}
