/**
 * A piece of an output file name or HTML id made from data (a currency, a group): letters, digits
 * and `-` as they are; `_` doubled; any other character as `_<hex code point>_`. Different texts
 * always give different names (`$` → `_24_`, `€` → `_20ac_`, `£` → `_a3_`, `US/D` → `US_2f_D`,
 * `US_D` → `US__D`), and the same text always the same one, so no chart overwrites another and
 * a name stays put from run to run. Replacing every odd character with `_`, as before, gave the
 * three currencies one chart, shown under all three captions.
 */
export function uniqueNamePart(text: string): string {
  let name = '';
  for (const char of text) {
    if (/^[A-Za-z0-9-]$/.test(char)) name += char;
    else if (char === '_') name += '__';
    else name += `_${char.codePointAt(0)!.toString(16)}_`;
  }
  return name;
}
