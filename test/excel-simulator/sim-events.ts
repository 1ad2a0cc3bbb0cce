/** An event source like Office.js's `EventHandlers`: `add(handler)` returns a handle with `remove()`. */
export interface SimEventSource<Args> {
  add(handler: (args: Args) => Promise<unknown> | void): { remove(): void };
}

/**
 * Event handlers of one host, keyed by event and sheet (`SelectionChanged:*`,
 * `Changed:{sheet id}`). Events raised while a sync runs fire after it, asynchronously, as
 * Excel's do.
 */
export class SimEvents {
  readonly #handlers = new Map<string, Set<(args: unknown) => unknown>>();
  #pending: { key: string; args: unknown }[] = [];

  source<Args>(key: string): SimEventSource<Args> {
    return {
      add: (handler) => {
        const set = this.#handlers.get(key) ?? new Set();
        set.add(handler as (args: unknown) => unknown);
        this.#handlers.set(key, set);
        return { remove: () => void set.delete(handler as (args: unknown) => unknown) };
      },
    };
  }

  raise(key: string, args: unknown): void {
    if (this.#handlers.get(key)?.size) this.#pending.push({ key, args });
  }

  /** Fires the events raised so far, after the current task. */
  flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const { key, args } of pending) {
      for (const handler of this.#handlers.get(key) ?? []) {
        setTimeout(() => void handler(args), 0);
      }
    }
  }
}
