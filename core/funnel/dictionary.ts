/**
 * Dictionary encoding: each distinct string gets a small integer code in order of first
 * appearance, so aggregations index typed arrays instead of hashing strings per row.
 */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  /** The code of `value`, adding it when new. */
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /**
   * The code of a raw cell text, trimmed first; raw texts are cached so repeated values skip the
   * trim (undefined codes as "").
   */
  codeOfRaw(raw: string | undefined): number {
    const key = raw ?? '';
    let code = this.raw.get(key);
    if (code === undefined) {
      code = this.code(key.trim());
      this.raw.set(key, code);
    }
    return code;
  }

  private readonly raw = new Map<string, number>();

  get size(): number {
    return this.values.length;
  }
}
