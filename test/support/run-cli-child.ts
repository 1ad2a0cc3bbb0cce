import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WRAPPER = fileURLToPath(new URL('./cli-rss-wrapper.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a pipecast run in a child process did. */
export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stderr without the wrapper's peak-memory line. */
  stderr: string;
  /** Peak resident memory of the child, in MB (NaN when it died before reporting it). */
  peakMb: number;
  ms: number;
}

/**
 * Runs `pipecast <args>` from the sources in a child process, as a user would run the built
 * command, and measures its peak memory (see cli-rss-wrapper.ts) and wall time. The child gets
 * `heapMb` of old-generation heap at most, so a run that would take gigabytes fails fast.
 */
export function runCliChild(args: readonly string[], heapMb = 2048): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', 'tsx', WRAPPER, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const match = /\[peak-rss (\d+)\]\n?$/.exec(stderr);
      resolve({
        code,
        signal,
        stdout,
        stderr: match === null ? stderr : stderr.slice(0, match.index),
        peakMb: match === null ? NaN : Number(match[1]) / 2 ** 20,
        ms: performance.now() - started,
      });
    });
  });
}
