import iconv from 'iconv-lite';
import { coded, codedMessage, type DataWarning } from '../core/index.js';
import { UsageError } from './cli-io.js';

/**
 * Environment variable holding the encoding the user named (`--encoding`), so report worker
 * threads started afterwards read CSV files the same way.
 */
export const CSV_ENCODING_ENV = 'PIPECAST_CSV_ENCODING';

/** The encoding named with `--encoding`, undefined when none was named. */
export function namedCsvEncoding(): string | undefined {
  const name = process.env[CSV_ENCODING_ENV];
  return name === undefined || name.trim() === '' ? undefined : name.trim();
}

/**
 * Checks an encoding name (`--encoding`): any name iconv-lite knows (utf-8, gb18030, gbk,
 * windows-1252, latin1, shift_jis, …).
 *
 * @throws UsageError naming the encoding when it is unknown
 */
export function checkCsvEncodingName(name: string): string {
  if (name.trim() === '' || !iconv.encodingExists(name.trim()))
    throw new UsageError(coded('error.unknownEncoding', { name }));
  return name.trim();
}

/** The text of a CSV file's bytes, the encoding used, and a warning when it is doubtful. */
export interface CsvDecoding {
  text: string;
  encoding: string;
  warning?: DataWarning;
}

/**
 * Decodes a CSV file that has no BOM and is not valid UTF-8, or one in an encoding the user named.
 *
 * Which encoding, when none is named (no peer tool decides this for us; the rule is ours):
 * - GB18030 (the GBK Chinese Excel saves) when every byte pair is GBK and most pairs are two
 *   high bytes, as Chinese text is (see looksLikeGbk): no warning;
 * - else mostly UTF-8 (at least as many valid multi-byte UTF-8 characters as bytes that are not
 *   UTF-8): UTF-8, the stray bytes shown as �, with a warning naming the first bad line;
 * - else Windows-1252 (Western European Excel), with a warning naming the first line that is not
 *   UTF-8: in GBK a Latin-1 "Müller" would silently read as "M黮ler".
 * A named encoding is used as named; a warning names the first line it cannot decode.
 *
 * @param bytes - the file's bytes (no BOM).
 * @param place - the file and sheet put on the warning.
 * @param named - the encoding the user named, if any.
 */
export function decodeLegacyCsv(
  bytes: Buffer,
  place: { file: string; sheet: string },
  named?: string,
): CsvDecoding {
  if (named !== undefined) return decodeAsNamed(bytes, place, named);
  const utf8 = utf8Census(bytes);
  if (utf8.firstBad < 0) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  const line = lineOf(bytes, utf8.firstBad);
  if (looksLikeGbk(bytes)) return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  if (utf8.valid > 0 && utf8.valid >= utf8.invalid)
    return {
      text: bytes.toString('utf8'),
      encoding: 'utf-8',
      warning: encodingWarning(
        place,
        line,
        codedMessage('warning.invalidUtf8Line', { line, byte: hex(bytes[utf8.firstBad]) }),
      ),
    };
  return {
    text: iconv.decode(bytes, 'windows-1252'),
    encoding: 'windows-1252',
    warning: encodingWarning(
      place,
      line,
      codedMessage('warning.readAsWindows1252', { line, byte: hex(bytes[utf8.firstBad]) }),
    ),
  };
}

/** Decodes in the encoding the user named; a warning names the first line it cannot decode. */
function decodeAsNamed(
  bytes: Buffer,
  place: { file: string; sheet: string },
  named: string,
): CsvDecoding {
  const text = iconv.decode(bytes, named);
  const bad = text.indexOf('\uFFFD');
  // A � the file itself holds (UTF-8 EF BF BD) is no decoding error.
  if (bad < 0 || bytes.includes(REPLACEMENT_UTF8)) return { text, encoding: named };
  const line = lineOfText(text, bad);
  return {
    text,
    encoding: named,
    warning: encodingWarning(
      place,
      line,
      codedMessage('warning.invalidInNamedEncoding', { line, encoding: named }),
    ),
  };
}

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

function encodingWarning(
  place: { file: string; sheet: string },
  line: number,
  message: Pick<DataWarning, 'message' | 'text'>,
): DataWarning {
  return {
    code: 'unreadable-value',
    ...message,
    file: place.file,
    sheet: place.sheet,
    row: line,
    action: 'assumed',
  };
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

/** 1-based line of a byte offset: line feeds before it, plus one. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1))
    line += 1;
  return line;
}

function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1))
    line += 1;
  return line;
}

/**
 * Valid multi-byte UTF-8 characters, bytes that start no valid UTF-8 character, and the offset
 * of the first such byte (−1 when the bytes are valid UTF-8). Overlong forms and surrogates count
 * as invalid, as in the standard (RFC 3629).
 */
export function utf8Census(bytes: Uint8Array): {
  valid: number;
  invalid: number;
  firstBad: number;
} {
  let valid = 0;
  let invalid = 0;
  let firstBad = -1;
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, at);
    if (length > 0) {
      valid += 1;
      at += length;
    } else {
      invalid += 1;
      if (firstBad < 0) firstBad = at;
      at += 1;
    }
  }
  return { valid, invalid, firstBad };
}

/** Length of the valid UTF-8 multi-byte character at `at`, 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] as number;
  const trail = (k: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return trail(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return trail(1, low, high) && trail(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return trail(1, low, high) && trail(2) && trail(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Whether the bytes read as GBK/GB18030 Chinese text: every high byte starts a valid GBK pair
 * (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE) or GB18030 four-byte character, and at most a
 * fifth of the pairs have an ASCII trail byte. Chinese text is mostly pairs of two high bytes
 * (GB2312's range); a Western European text read as GBK pairs a letter with the next ASCII
 * character ("ü" + "l" in "Müller") or breaks on "é" before a comma.
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let highPairs = 0;
  let asciiTrails = 0;
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const next = bytes[at + 1];
    if (lead === 0x80 || lead === 0xff || next === undefined) return false;
    if (next >= 0x30 && next <= 0x39) {
      if (!isGb18030Four(bytes, at)) return false;
      highPairs += 1;
      at += 4;
      continue;
    }
    if (next < 0x40 || next === 0x7f || next === 0xff) return false;
    if (next < 0x80) asciiTrails += 1;
    else highPairs += 1;
    at += 2;
  }
  return asciiTrails * 4 <= highPairs;
}

/** GB18030's four-byte form: 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39. */
function isGb18030Four(bytes: Uint8Array, at: number): boolean {
  const [b0, b1, b2, b3] = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
  const inRange = (b: number | undefined, low: number, high: number): boolean =>
    b !== undefined && b >= low && b <= high;
  return (
    inRange(b0, 0x81, 0xfe) &&
    inRange(b1, 0x30, 0x39) &&
    inRange(b2, 0x81, 0xfe) &&
    inRange(b3, 0x30, 0x39)
  );
}
