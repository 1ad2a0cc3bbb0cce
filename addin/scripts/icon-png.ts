import { deflateSync } from 'node:zlib';

/** CRC-32 of PNG chunks (the PNG specification's polynomial, table-driven). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Whether pixel (x, y) of a `size`-pixel icon is white: three bars narrowing downwards, a funnel. */
function isBar(x: number, y: number, size: number): boolean {
  const u = x / size;
  const v = y / size;
  const bars: [number, number, number][] = [
    [0.2, 0.36, 0.14],
    [0.44, 0.6, 0.24],
    [0.68, 0.84, 0.34],
  ];
  return bars.some(([top, bottom, inset]) => v >= top && v < bottom && u >= inset && u < 1 - inset);
}

/**
 * The add-in's icon as PNG bytes: a blue square with a white funnel of three bars, drawn at
 * `size` pixels (16, 32, 64 and 80 are the sizes the manifest names).
 */
export function iconPng(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const white = isBar(x, y, size);
      row.set(white ? [255, 255, 255, 255] : [24, 90, 189, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;
