/**
 * Runs one pipecast command line in this process (as bin/pipecast.js does, but from the
 * sources) and ends stderr with `[peak-rss <bytes>]`: the process's peak resident memory, which
 * tests of hostile files compare with a stated ceiling.
 */
import { main } from '../../pipeline/cli.js';

let code = 1;
try {
  code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: false,
  });
} finally {
  // maxRSS is in kilobytes.
  process.stderr.write(`[peak-rss ${process.resourceUsage().maxRSS * 1024}]\n`);
}
process.exitCode = code;
