/**
 * Zero-filled typed arrays for the million-row passes, carved from buffers kept from the previous
 * ageReceivables call.
 *
 * Why: a million invoices need about 50 MB of per-row arrays and the invoice-number table. Fresh
 * memory is costly: the first write to each new 4 KB page traps into the kernel (measured ~60 ms
 * per fresh 16 MB against ~1 ms to refill a used one), and every large fresh allocation counts as
 * external memory pressure that makes V8 collect the caller's whole heap sooner. Reusing the same
 * buffers makes a repeated call pay neither.
 *
 * Each call asks for its arrays in the same order, so the k-th request reuses the k-th buffer
 * (grown when too small). The set is held through a WeakRef, so a major garbage collection can still
 * take the memory back from a caller that has stopped aging; a call that finds the set busy (a
 * nested call) gets a fresh one. Arrays handed out must not outlive the call: nothing in a result
 * may point into them.
 */
export class ScratchArrays {
  private readonly buffers: ArrayBuffer[] = [];
  private next = 0;
  private readonly stringArrays: string[][] = [];
  /** Length handed out of each string array this call: end() blanks only that much. */
  private readonly stringLengths: number[] = [];
  private nextStrings = 0;
  busy = false;

  /** A zero-filled Int32Array of `length` elements. */
  int32(length: number): Int32Array {
    return new Int32Array(this.take(length * 4), 0, length);
  }

  /** A zero-filled Float64Array of `length` elements. */
  float64(length: number): Float64Array {
    return new Float64Array(this.take(length * 8), 0, length);
  }

  /** A zero-filled Uint8Array of `length` elements. */
  uint8(length: number): Uint8Array {
    return new Uint8Array(this.take(length), 0, length);
  }

  /**
   * An Int32Array of `length` elements holding whatever an earlier call left there (zeros when
   * new): for arrays whose every element is written before it is read, so the zero fill (another
   * pass over megabytes) is saved.
   */
  int32Unfilled(length: number): Int32Array {
    return new Int32Array(this.take(length * 4, false), 0, length);
  }

  /** A Float64Array of `length` elements, as int32Unfilled. */
  float64Unfilled(length: number): Float64Array {
    return new Float64Array(this.take(length * 8, false), 0, length);
  }

  /**
   * A string array of `length` elements, each '' (a million-element array is 4 MB of fresh memory
   * on V8's large-object space, so it is reused too; end() blanks it again, so no caller's string
   * stays reachable from the kept set).
   */
  strings(length: number): string[] {
    const k = this.nextStrings++;
    let array = this.stringArrays[k];
    if (array === undefined || array.length < length) {
      array = new Array<string>(length).fill('');
      this.stringArrays[k] = array;
    }
    this.stringLengths[k] = length;
    return array;
  }

  /** Starts a call: requests count from the first buffer again. */
  begin(): void {
    this.next = 0;
    this.nextStrings = 0;
    this.busy = true;
  }

  /** Ends a call: blanks the string arrays handed out, so they hold none of the caller's strings. */
  end(): void {
    for (let k = 0; k < this.nextStrings; k++)
      (this.stringArrays[k] as string[]).fill('', 0, this.stringLengths[k]);
    this.busy = false;
  }

  private take(bytes: number, zero = true): ArrayBuffer {
    const k = this.next++;
    let buffer = this.buffers[k];
    if (buffer === undefined || buffer.byteLength < bytes) {
      // Room to grow a little, so a slightly longer ledger next time still reuses it.
      buffer = new ArrayBuffer(Math.max(64, Math.ceil((bytes * 1.25) / 8) * 8));
      this.buffers[k] = buffer;
    } else if (zero) {
      new Uint8Array(buffer, 0, bytes).fill(0);
    }
    return buffer;
  }
}

let kept: WeakRef<ScratchArrays> | null = null;

/**
 * The scratch set for one call: the kept one when it is free, else a new one (kept for next time).
 * Pair with releaseScratchArrays in a finally block.
 *
 * @returns A scratch set, begun.
 * @example
 * const scratch = acquireScratchArrays();
 * try { const due = scratch.int32(n); … } finally { releaseScratchArrays(scratch); }
 */
export function acquireScratchArrays(): ScratchArrays {
  let scratch = kept?.deref();
  if (scratch === undefined || scratch.busy) {
    scratch = new ScratchArrays();
    if (kept?.deref() === undefined) kept = new WeakRef(scratch);
  }
  scratch.begin();
  return scratch;
}

/** Ends a call's use of its scratch set, so the next call may reuse it. */
export function releaseScratchArrays(scratch: ScratchArrays): void {
  scratch.end();
}
