import { jsonByteLength, jsonByteLengthSliced } from './json-byte-length.js';
import { propertyNotLoaded, SimRichApiError } from './rich-api-error.js';
import type { Delivery, SimRequestContext } from './sim-context.js';

/** How one scalar property of a proxy reads from and writes to its model object. */
export interface PropertyRule<Entity> {
  read(entity: Entity): unknown;
  write?(entity: Entity, value: unknown): void | Promise<void>;
  /** Cells a read of this property touches, checked against the 5,000,000-cell read limit. */
  cells?(entity: Entity): number;
}

export type PropertyTable<Entity> = Readonly<Record<string, PropertyRule<Entity>>>;

/** What `load` accepts: `'a, b/c'`, `['a', 'b']`, `{ select, expand }` or `{ a: true, b: { c: true } }`. */
export type LoadSpec = string | readonly string[] | Readonly<Record<string, unknown>>;

/** Splits a load argument into property paths (`format/font/bold`). */
export function loadPaths(spec: LoadSpec | undefined): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((path) => path.trim().replace(/\./g, '/'))
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((path: string) => loadPaths(path));
  const record = spec as Record<string, unknown>;
  if ('select' in record || 'expand' in record) {
    return [
      ...loadPaths(record.select as LoadSpec | undefined),
      ...loadPaths(record.expand as LoadSpec | undefined),
    ];
  }
  return Object.entries(record).flatMap(([key, value]) => {
    if (key.startsWith('$')) return [];
    if (value && typeof value === 'object')
      return loadPaths(value as LoadSpec).map((path) => `${key}/${path}`);
    return value ? [key] : [];
  });
}

export interface ProxyOptions {
  /** Queue the object's instantiation, so a missing item fails (or is a null object) at the next sync. */
  instantiateAt?: string;
  payload?: unknown;
}

/**
 * A client object of the Excel JavaScript API: a proxy that reads nothing until loaded and
 * synced, and queues every write and method call for the next `context.sync()`. It finds its
 * model object once, at the first sync that needs it, and keeps it (as Excel keeps an object
 * reference), so a sheet found by name stays the same sheet after a rename.
 */
export abstract class SimProxy<Entity> {
  abstract readonly typeName: string;
  readonly #cache = new Map<string, unknown>();
  #entity: Entity | null | undefined;
  #isNull: boolean | undefined;

  constructor(
    readonly context: SimRequestContext,
    private readonly locate: () => Entity | null,
    options: ProxyOptions = {},
  ) {
    if (options.instantiateAt !== undefined) {
      const location = options.instantiateAt;
      context.enqueue({ location, payload: options.payload, run: () => void this.resolveTarget() });
    }
  }

  /** The scalar properties this object exposes to load and to writes. */
  protected abstract get properties(): PropertyTable<Entity>;

  /** Child objects reachable by a load path (`format` of a range). */
  protected navigation(_name: string): SimProxy<unknown> | undefined {
    return undefined;
  }

  /** Finds the model object (during a sync); null for a null object. */
  resolveTarget(): Entity | null {
    if (this.#entity === undefined || this.relocates()) {
      this.#entity = this.locate();
      this.#isNull = this.#entity === null;
    }
    if (this.#entity !== null) this.checkStillThere(this.#entity);
    return this.#entity;
  }

  /** Throws ItemNotFound when the object found earlier has since been deleted (a sheet, a table). */
  protected checkStillThere(_entity: Entity): void {}

  /** The model object, for statements that need one; a null object refuses them. */
  target(): Entity {
    const entity = this.resolveTarget();
    if (entity === null)
      throw new SimRichApiError('InvalidObjectPath', { location: this.typeName });
    return entity;
  }

  /** Collections look their items up afresh at every sync; other objects keep what they found. */
  protected relocates(): boolean {
    return false;
  }

  /** Marks an object as already found, for items a collection load brings back. */
  adopt(entity: Entity): this {
    this.#entity = entity;
    this.#isNull = false;
    return this;
  }

  /** True for an `*OrNullObject` that found nothing; readable after the sync that followed its creation. */
  get isNullObject(): boolean {
    if (this.#isNull === undefined) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.#isNull;
  }

  /** A loaded property's value; PropertyNotLoaded before load + sync, as Office.js throws at once. */
  protected loaded<T>(name: string): T {
    if (!this.#cache.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.#cache.get(name) as T;
  }

  /** Stores a value that arrived with a sync. */
  protected deliverValue(name: string, value: unknown): void {
    this.#cache.set(name, value);
  }

  /** Queues a property write; the proxy shows the new value at once, as Office.js proxies do. */
  protected queueWrite(name: string, value: unknown): void {
    const rule = this.properties[name];
    this.#cache.set(name, value);
    this.context.enqueue({
      location: `${this.typeName}.${name}`,
      payload: value,
      run: async () => {
        if (!rule?.write)
          throw new SimRichApiError('InvalidArgument', {
            message: `${this.typeName}.${name} is read-only`,
          });
        await rule.write(this.target(), value);
      },
    });
  }

  /** Queues a method call that changes the model (and may return a delivery for what it reads). */
  protected queueCall(
    method: string,
    payload: unknown,
    run: (entity: Entity) => Delivery | void | Promise<Delivery | void>,
  ): void {
    this.context.enqueue({
      location: `${this.typeName}.${method}`,
      payload,
      run: () => run(this.target()),
    });
  }

  /** Queues loading of the named properties and child paths; with no argument, every scalar property. */
  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue({
      location: `${this.typeName}.load`,
      payload: paths,
      run: () => this.readPathsNow(paths),
    });
    return this;
  }

  /** Reads load paths now (inside a sync): own properties, and child objects' by their paths. */
  async readPathsNow(paths: readonly string[]): Promise<Delivery> {
    const names = paths.length === 0 ? Object.keys(this.properties) : [];
    const deliveries: Delivery[] = [];
    for (const path of paths) {
      const [head = '', ...rest] = path.split('/');
      const child = this.navigation(head);
      if (child) deliveries.push(await child.readPathsNow(rest.length > 0 ? [rest.join('/')] : []));
      else if (!names.includes(head)) names.push(head);
    }
    if (names.length > 0 || deliveries.length === 0) deliveries.push(await this.readNow(names));
    return combineDeliveries(deliveries);
  }

  /** Reads properties from the model now (inside a sync) and returns their delivery. */
  async readNow(names: readonly string[]): Promise<Delivery> {
    const entity = this.resolveTarget();
    if (entity === null) return { bytes: 0, deliver: () => undefined };
    const values: unknown[] = [];
    for (const name of names) values.push(await this.readProperty(entity, name));
    const slicer = this.context.host.slicer;
    return {
      bytes: await jsonByteLengthSliced(values, () => slicer.pause()),
      deliver: () => names.forEach((name, i) => this.#cache.set(name, values[i])),
    };
  }

  private readProperty(entity: Entity, name: string): unknown {
    const rule = this.properties[name];
    if (!rule) {
      throw new SimRichApiError('InvalidArgument', {
        message: `The simulator has no property '${name}' on ${this.typeName} (not in the API, or not simulated).`,
      });
    }
    const limits = this.context.host.limits;
    if (rule.cells && rule.cells(entity) > limits.readCells) {
      if (limits.overReadCells === 'null') return null;
      throw new SimRichApiError('RangeExceedsLimit', { location: `${this.typeName}.${name}` });
    }
    return rule.read(entity);
  }

  /** The loaded properties as a plain object, like Office.js objects' toJSON. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.#cache);
  }
}

/** A value a method returns, readable only after the next sync (OfficeExtension.ClientResult). */
export class SimClientResult<T> {
  #value: T | undefined;
  #ready = false;

  constructor(context: SimRequestContext, location: string, compute: () => T) {
    context.enqueue({
      location,
      run: () => {
        const value = compute();
        return {
          bytes: jsonByteLength(value),
          deliver: () => ((this.#value = value), (this.#ready = true)),
        };
      },
    });
  }

  get value(): T {
    if (!this.#ready) throw propertyNotLoaded('ClientResult', 'value');
    return this.#value as T;
  }
}

export function combineDeliveries(deliveries: readonly Delivery[]): Delivery {
  if (deliveries.length === 1) return deliveries[0]!;
  return {
    bytes: deliveries.reduce((sum, delivery) => sum + delivery.bytes, 0),
    deliver: () => deliveries.forEach((delivery) => delivery.deliver()),
  };
}

/**
 * A collection (worksheets, tables, names, settings...): `items` after loading, and each item a
 * proxy with the properties the load asked for (`load('items/name')` or `load('name')`).
 */
export abstract class SimCollection<ItemEntity, Item extends SimProxy<ItemEntity>> extends SimProxy<
  readonly ItemEntity[]
> {
  protected get properties(): PropertyTable<readonly ItemEntity[]> {
    return {};
  }

  protected override relocates(): boolean {
    return true;
  }

  /** The item proxy for a model object. */
  protected abstract makeItem(entity: ItemEntity): Item;

  get items(): Item[] {
    return this.loaded<Item[]>('items');
  }

  override async readPathsNow(paths: readonly string[]): Promise<Delivery> {
    const itemPaths = paths.flatMap((path) => {
      const trimmed = path.replace(/^items\/?/, '');
      return trimmed === '' ? [] : [trimmed];
    });
    const items = this.target().map((entity) => this.makeItem(entity).adopt(entity));
    const itemDeliveries: Delivery[] = [];
    for (const item of items) itemDeliveries.push(await item.readPathsNow(itemPaths));
    const own = await this.readNow([]);
    return {
      bytes: itemDeliveries.reduce((sum, delivery) => sum + delivery.bytes, 2),
      deliver: () => {
        itemDeliveries.forEach((delivery) => delivery.deliver());
        own.deliver();
        this.deliverValue('items', items);
      },
    };
  }

  /** Number of items, after the next sync. */
  getCount(): SimClientResult<number> {
    return new SimClientResult(
      this.context,
      `${this.typeName}.getCount`,
      () => this.target().length,
    );
  }
}
