/** The five predefined XML entities. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
/** OOXML's escape for characters XML cannot carry (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/**
 * The text a spreadsheet shows for raw XML character data: line ends normalised as an XML parser
 * does, entities (`&amp;`, `&#x4E2D;`, `&#20013;`) resolved, then `_xHHHH_` escapes resolved
 * (`_x005F_` is a literal underscore, so `_x005F_x0041_` stays `_x0041_`).
 */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('&')) text = text.replace(ENTITY, entityText);
  if (text.includes('_x')) {
    text = text.replace(OOXML_ESCAPE, (_match, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return text;
}

function entityText(match: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return NAMED_ENTITIES[body] ?? match;
}

/**
 * A copy of `text` that does not share memory with the chunk it was cut from.
 *
 * V8 represents `chunk.slice(a, b)` of 13+ characters as a view on `chunk`, so keeping one short
 * cell value would keep the whole chunk (1 MiB) alive; over a million rows that is the whole sheet
 * XML. Concatenating makes a cons string that the `slice` flattens into a fresh string.
 */
export function detachedString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** The attributes of one start tag (`<x a="1" b='2'>`), names as written (with any prefix). */
export function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let match = pattern.exec(tag); match !== null; match = pattern.exec(tag)) {
    attributes.set(match[1] ?? '', decodeXmlText(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The value of the attribute with this local name, whatever namespace prefix it carries. */
export function attributeByLocalName(
  attributes: ReadonlyMap<string, string>,
  localName: string,
): string | undefined {
  const plain = attributes.get(localName);
  if (plain !== undefined) return plain;
  for (const [name, value] of attributes) {
    if (name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}

/** Every start (or empty-element) tag with this local name, any prefix, in document order. */
export function startTags(xml: string, localName: string): string[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(pattern) ?? [];
}

/**
 * The namespace prefix of the document's root element including the colon (`'x:'`), `''` when
 * it has none, or undefined when the root start tag is not complete in `xml` yet.
 */
export function rootPrefix(xml: string): string | undefined {
  const match = /<(?![?!])([^\s/>]+)[\s/>]/.exec(xml);
  if (match === null) return undefined;
  const name = match[1] ?? '';
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}
