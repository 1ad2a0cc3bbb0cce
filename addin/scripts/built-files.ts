import { ICON_SIZES } from './icon-png.js';

/** The dev server's origin, which every URL in manifest.xml uses. */
export const DEV_ORIGIN = 'https://localhost:3000';

/** Pages and icons the build writes into dist/addin (what manifest URLs may name). */
export function builtFiles(): string[] {
  return [
    'taskpane.html',
    'commands.html',
    'help.html',
    ...ICON_SIZES.map((size) => `assets/icon-${size}.png`),
  ];
}
