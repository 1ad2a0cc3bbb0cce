/**
 * The UTF-8 byte length of `JSON.stringify(value)`, counted without building the string, so a
 * 5 MB payload check on a million cells allocates nothing.
 */
export function jsonByteLength(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'string':
      return stringByteLength(value);
    case 'object':
      return Array.isArray(value)
        ? arrayByteLength(value)
        : objectByteLength(value as Record<string, unknown>);
    default:
      return 4;
  }
}

function arrayByteLength(items: readonly unknown[]): number {
  let total = 2 + Math.max(0, items.length - 1);
  for (const item of items) total += jsonByteLength(item);
  return total;
}

function objectByteLength(record: Record<string, unknown>): number {
  let total = 2;
  let fields = 0;
  for (const [key, item] of Object.entries(record)) {
    if (item === undefined || typeof item === 'function') continue;
    total += stringByteLength(key) + 1 + jsonByteLength(item);
    fields++;
  }
  return total + Math.max(0, fields - 1);
}

/** Printable ASCII without `"` and `\\`: one byte a character, the common case. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringByteLength(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length + 2;
  let total = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) total += 2;
    else if (code < 0x20)
      total +=
        code === 0x0a || code === 0x0d || code === 0x09 || code === 0x08 || code === 0x0c ? 2 : 6;
    else if (code < 0x80) total += 1;
    else if (code < 0x800) total += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      total += 4;
      i++;
    } else total += 3;
  }
  return total;
}

/** jsonByteLength for a payload that may hold a million cells: the rows of 2-D arrays are counted in slices. */
export async function jsonByteLengthSliced(
  value: unknown,
  pause: () => Promise<void>,
): Promise<number> {
  if (!Array.isArray(value)) return jsonByteLength(value);
  let total = 2 + Math.max(0, value.length - 1);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    total +=
      Array.isArray(item) && item.length > 0 && Array.isArray(item[0])
        ? await jsonByteLengthSliced(item, pause)
        : jsonByteLength(item);
    if ((i & 255) === 255) await pause();
  }
  return total;
}
