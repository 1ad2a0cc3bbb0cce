import { describe, expect, it } from 'vitest';
import {
  BLOCK_TARGET_BYTES,
  blockRows,
  isPayloadError,
  jsonBytes,
  MAX_CELLS_PER_READ,
} from '../../addin/src/excel/excel-limits.js';
import { smallerBlock } from '../../addin/src/excel/read-source.js';
import { PaneError } from '../../addin/src/pane-error.js';

describe('jsonBytes', () => {
  it('counts the UTF-8 bytes of the JSON text Office.js sends', () => {
    const rows = [
      ['Acme', 12.5, true, null],
      ['客户', '"q"', '', 0],
    ];
    const json = JSON.stringify(rows);
    // The estimate is exact for these cells: JSON.stringify's UTF-8 length.
    expect(jsonBytes(rows)).toBeGreaterThanOrEqual(Buffer.byteLength(json, 'utf8'));
    expect(jsonBytes(rows)).toBeLessThanOrEqual(Buffer.byteLength(json, 'utf8') + 8);
  });
});

describe('blockRows', () => {
  it('fits the target bytes: 100-byte rows → target ÷ 100 rows', () => {
    expect(blockRows(100, 5)).toBe(Math.floor(BLOCK_TARGET_BYTES / 100));
  });

  it('never asks for more than 5,000,000 cells: tiny rows of 50 columns → 100,000 rows', () => {
    expect(blockRows(1, 50)).toBe(MAX_CELLS_PER_READ / 50);
  });
});

describe('smallerBlock', () => {
  const payload = Object.assign(new Error('too big'), { code: 'RequestPayloadSizeLimitExceeded' });

  it('halves the rows after a payload error', () => {
    expect(isPayloadError(payload)).toBe(true);
    expect(smallerBlock(payload, 1000)).toBe(500);
  });

  it('rethrows any other error', () => {
    const other = Object.assign(new Error('gone'), { code: 'ItemNotFound' });
    expect(() => smallerBlock(other, 1000)).toThrow(other);
  });

  it('gives up with the persistent payload message when the block is already small', () => {
    expect(() => smallerBlock(payload, 16)).toThrow(PaneError);
  });
});
