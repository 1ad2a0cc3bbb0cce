/**
 * Cuts a long sync into slices: the simulator runs on the page's own thread (Excel does the same
 * work in another process), so reading or writing a million cells in one go would freeze a page
 * that Excel would not. Loops over rows call `pause()`, which yields to the event loop once the
 * current slice has run past its budget.
 */
export class WorkSlicer {
  #sliceStart = performance.now();

  constructor(readonly budgetMs = 10) {}

  /** Starts a fresh slice (at the beginning of a sync). */
  restart(): void {
    this.#sliceStart = performance.now();
  }

  async pause(): Promise<void> {
    if (performance.now() - this.#sliceStart < this.budgetMs) return;
    await yieldToEventLoop();
    this.#sliceStart = performance.now();
  }
}

/** `scheduler.yield()` where the browser has it (no 4 ms timer clamping), else a zero timeout. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
