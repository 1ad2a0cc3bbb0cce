import { type Locale, textFor } from '../../../core/index.js';
import type { ReportJobOutcome } from './report-batch-model.js';

/** Width of the bar itself in characters. */
const BAR_WIDTH = 20;
/** Terminal width assumed when the caller does not know it. */
export const DEFAULT_PROGRESS_COLUMNS = 80;
/** How often the elapsed time on the bar is refreshed. */
export const DEFAULT_PROGRESS_TICK_MS = 1000;

/** Options of {@link createReportProgress}. */
export interface CreateReportProgressOptions {
  /** Redraw one line with `\r` (a terminal) or print one line per finished file. */
  isTTY: boolean;
  /** Terminal width; the bar line is cut to fit so that `\r` redraws never wrap. */
  columns?: number;
  /** Milliseconds clock, for tests; default `performance.now`. */
  now?: () => number;
  /** Redraw period of the bar (0: only on events); default {@link DEFAULT_PROGRESS_TICK_MS}. */
  tickMs?: number;
  /** Language of the lines; default English. */
  locale?: Locale;
}

/** Progress of a batch, written to stderr. */
export interface ReportProgress {
  start(file: string): void;
  done(file: string, outcome: ReportJobOutcome): void;
  /** Clears the bar (terminal) and stops its timer. */
  finish(): void;
}

/**
 * Progress display of `pipecast report`. On a terminal: one line redrawn in place, e.g.
 * `[########------------] 2/5  a.xlsx, b.xlsx  3.4 s`, with failures printed above it; otherwise
 * plain lines per finished file, e.g. `[2/5] ok samples/pipeline-en.xlsx (1.2 s)` or
 * `[3/5] error bad.xlsx: not a zip file` (`[2/5] 完成 …（1.2 秒）`, `[3/5] 出错 bad.xlsx：…` in Chinese).
 *
 * @param write - Where the text goes (the CLI's stderr).
 * @param total - Number of files in the batch.
 * @param options - Terminal or not, width, clock.
 */
export function createReportProgress(
  write: (text: string) => void,
  total: number,
  options: CreateReportProgressOptions,
): ReportProgress {
  const now = options.now ?? (() => performance.now());
  // A pseudo-terminal without a size reports 0 columns.
  const columns = Math.max(
    20,
    options.columns !== undefined && options.columns > 0
      ? options.columns
      : DEFAULT_PROGRESS_COLUMNS,
  );
  const tickMs = options.tickMs ?? DEFAULT_PROGRESS_TICK_MS;
  const locale = options.locale ?? 'en';
  const seconds = (ms: number): string =>
    textFor(locale, 'cli.seconds', { seconds: (ms / 1000).toFixed(1) });
  const startedAt = now();
  const running: string[] = [];
  let done = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let finished = false;

  const barLine = (): string => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`;
    const elapsed = seconds(now() - startedAt);
    // One column spare: writing into the last column makes some terminals wrap early.
    const room = columns - 1 - displayWidth(bar) - displayWidth(elapsed) - 4;
    const names = fitWidth(running.map(baseName).join(', '), room);
    return `${bar}  ${names}${names === '' ? '' : '  '}${elapsed}`;
  };
  const redraw = (): void => {
    if (!finished) write(`\r${barLine()}\x1b[K`);
  };

  if (options.isTTY) {
    redraw();
    if (tickMs > 0) {
      timer = setInterval(redraw, tickMs);
      // The bar must never keep the process alive.
      timer.unref();
    }
  }

  return {
    start(file) {
      running.push(file);
      if (options.isTTY) redraw();
    },
    done(file, outcome) {
      const at = running.indexOf(file);
      if (at >= 0) running.splice(at, 1);
      done++;
      const line = outcome.ok
        ? textFor(locale, 'cli.progressOk', { done, total, file, seconds: seconds(outcome.ms) })
        : textFor(locale, 'cli.progressError', { done, total, file, reason: outcome.reason });
      if (!options.isTTY) {
        write(`${line}\n`);
      } else {
        // Failures stay on screen above the bar; successes only move the bar.
        if (!outcome.ok) write(`\r\x1b[K${line}\n`);
        redraw();
      }
    },
    finish() {
      if (timer !== undefined) clearInterval(timer);
      if (options.isTTY && !finished) write('\r\x1b[K');
      finished = true;
    },
  };
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

/** Columns a string takes on a terminal: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

function fitWidth(text: string, room: number): string {
  if (displayWidth(text) <= room) return text;
  if (room <= 1) return '';
  let out = '';
  let width = 0;
  for (const char of text) {
    const w = isWide(char) ? 2 : 1;
    if (width + w > room - 1) break;
    out += char;
    width += w;
  }
  return `${out}…`;
}

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
