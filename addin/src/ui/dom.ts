/** Attributes of el(): properties set on the element, `on*` functions as listeners. */
export type ElementProps = Record<
  string,
  string | number | boolean | ((event: Event) => void) | undefined
>;

/**
 * A DOM element with its properties and children; text children are text nodes, so user text
 * (sheet names, headers, warnings) is never parsed as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly (Node | string | null | undefined)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'for')
      element.setAttribute(name, String(value));
    else (element as unknown as Record<string, unknown>)[name] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A `<select>` of `[value, label]` options with `selected` chosen. */
export function selectOf(
  options: readonly (readonly [string, string])[],
  selected: string,
  props: ElementProps = {},
): HTMLSelectElement {
  const select = el('select', props);
  for (const [value, label] of options) {
    select.append(el('option', { value, selected: value === selected }, [label]));
  }
  return select;
}
