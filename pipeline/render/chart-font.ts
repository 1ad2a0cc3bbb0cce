import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * File name of the bundled CJK font: Noto Sans SC Regular subset to GB2312 + Latin (OFL-1.1;
 * see assets/fonts/README.md for coverage and why it is a subset).
 */
export const CHART_FONT_FILE = 'NotoSansSC-Regular-GB2312.ttf';
/** Family name inside {@link CHART_FONT_FILE}, which resvg uses for every generic family. */
export const CHART_FONT_FAMILY = 'Noto Sans SC';

/**
 * Finds the bundled chart font by walking up from this module, so the same code works from
 * the TypeScript sources (pipeline/render/) and from the build (dist/pipeline/render/).
 *
 * @param from - Directory to start from; defaults to this module's directory.
 * @returns Absolute path of assets/fonts/NotoSansSC-Regular-GB2312.ttf.
 * @throws {Error} When no ancestor directory holds the font.
 */
export function findChartFont(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(dir, 'assets', 'fonts', CHART_FONT_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `findChartFont: assets/fonts/${CHART_FONT_FILE} not found above ${from}; ` +
      'Chinese chart text cannot render without it',
  );
}
