import { SaxesParser } from 'saxes';

/** An element of the manifest: its expanded name, attributes and children. */
export interface XmlElement {
  /** Local name, e.g. `Id`, `Image` (namespace prefixes dropped). */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * The manifest as an element tree.
 *
 * @throws Error with the line and column when the XML is not well-formed.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes))
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value;
    const element: XmlElement = { name: tag.local, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    if (root === null) root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw new Error(`manifest.xml is not well-formed XML: ${error.message}`);
  });
  parser.write(xml).close();
  if (root === null) throw new Error('manifest.xml has no root element');
  return root;
}

/** Children of OfficeApp in the order the schema (TaskPaneApp) requires; true: required. */
export const OFFICE_APP_ORDER: readonly (readonly [string, boolean])[] = [
  ['Id', true],
  ['AlternateId', false],
  ['Version', true],
  ['ProviderName', true],
  ['DefaultLocale', true],
  ['DisplayName', true],
  ['Description', true],
  ['IconUrl', true],
  ['HighResolutionIconUrl', false],
  ['SupportUrl', false],
  ['AppDomains', false],
  ['Hosts', false],
  ['Requirements', false],
  ['DefaultSettings', true],
  ['Permissions', true],
  ['Dictionary', false],
  ['VersionOverrides', false],
];

export interface CheckManifestOptions {
  /** The origin every URL must use: the dev server's. */
  origin: string;
  /** Paths (relative to the served folder) that exist: each URL must name one. */
  files: readonly string[];
}

/**
 * Checks the add-in manifest offline: well-formed, OfficeApp's children present and in schema
 * order, the Excel task pane basics (Workbook host, ExcelApi 1.9, ReadWriteDocument), ids unique
 * and every resid defined (at most 32 characters), the ribbon button on the Home tab, icon sizes,
 * string lengths, and every URL on the dev server's origin naming a file the build produces.
 *
 * @returns the problems found, one line each; empty when the manifest passes.
 */
export function checkManifest(xml: string, options: CheckManifestOptions): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  if (root.name !== 'OfficeApp') problems.push(`root element is ${root.name}, not OfficeApp`);
  if (root.attributes['xsi:type'] !== 'TaskPaneApp')
    problems.push('OfficeApp xsi:type must be TaskPaneApp');
  problems.push(...orderProblems(root), ...basicsProblems(root), ...idProblems(root));
  problems.push(...ribbonProblems(root), ...urlProblems(root, options), ...lengthProblems(root));
  return problems;
}

function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const names = root.children.map((c) => c.name);
  let last = -1;
  for (const name of names) {
    const at = OFFICE_APP_ORDER.findIndex(([n]) => n === name);
    if (at < 0) problems.push(`OfficeApp has an unknown child <${name}>`);
    else if (at < last) problems.push(`<${name}> is out of schema order`);
    else last = at;
  }
  for (const [name, required] of OFFICE_APP_ORDER)
    if (required && !names.includes(name)) problems.push(`required <${name}> is missing`);
  return problems;
}

function basicsProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const child = (name: string) => root.children.find((c) => c.name === name);
  const id = child('Id')?.text.trim() ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> must be a GUID, got "${id}"`);
  const version = child('Version')?.text.trim() ?? '';
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    problems.push(`<Version> "${version}" is not n.n.n.n`);
  if (child('Permissions')?.text.trim() !== 'ReadWriteDocument')
    problems.push('<Permissions> must be ReadWriteDocument');
  const hosts = descendants(child('Hosts'), 'Host').map((h) => h.attributes.Name);
  if (hosts.length !== 1 || hosts[0] !== 'Workbook')
    problems.push('<Hosts> must name Workbook only');
  const sets = descendants(child('Requirements'), 'Set');
  const excel = sets.find((s) => s.attributes.Name === 'ExcelApi');
  if (excel?.attributes.MinVersion !== '1.9')
    problems.push('Requirements must ask for ExcelApi 1.9');
  if (descendants(child('DefaultSettings'), 'SourceLocation').length !== 1)
    problems.push('<DefaultSettings> must have one <SourceLocation>');
  return problems;
}

function idProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const resources = descendants(root, 'Resources')[0];
  const defined = new Set<string>();
  for (const element of descendants(resources, '*')) {
    const id = element.attributes.id;
    if (id === undefined || !['Image', 'Url', 'String'].includes(element.name)) continue;
    if (defined.has(id)) problems.push(`resource id "${id}" is defined twice`);
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    defined.add(id);
  }
  const controlIds = descendants(root, '*')
    .filter((e) => ['Group', 'Control'].includes(e.name))
    .map((e) => e.attributes.id ?? '');
  const seen = new Set<string>();
  for (const id of controlIds) {
    if (seen.has(id)) problems.push(`control id "${id}" is used twice`);
    seen.add(id);
  }
  for (const element of descendants(root, '*')) {
    const resid = element.attributes.resid;
    if (resid !== undefined && !defined.has(resid))
      problems.push(`<${element.name}> refers to undefined resid "${resid}"`);
  }
  return problems;
}

function ribbonProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const overrides = descendants(root, 'VersionOverrides')[0];
  if (overrides === undefined) return ['<VersionOverrides> is missing: no ribbon button'];
  const host = descendants(overrides, 'Host')[0];
  if (host?.attributes['xsi:type'] !== 'Workbook')
    problems.push('VersionOverrides host must be Workbook');
  const surface = descendants(overrides, 'ExtensionPoint').find(
    (e) => e.attributes['xsi:type'] === 'PrimaryCommandSurface',
  );
  const tab = descendants(surface, 'OfficeTab')[0];
  if (tab?.attributes.id !== 'TabHome')
    problems.push('the button must be on the Home tab (OfficeTab TabHome)');
  const actions = descendants(tab, 'Action').filter(
    (a) => a.attributes['xsi:type'] === 'ShowTaskpane',
  );
  if (actions.length === 0) problems.push('no ShowTaskpane button on the Home tab');
  for (const icon of descendants(overrides, 'Icon')) {
    const sizes = icon.children.map((i) => i.attributes.size).join(',');
    if (sizes !== '16,32,80')
      problems.push(`an <Icon> has sizes ${sizes}, the schema asks for 16,32,80`);
  }
  return problems;
}

function urlProblems(root: XmlElement, options: CheckManifestOptions): string[] {
  const problems: string[] = [];
  const urls: string[] = [];
  for (const element of descendants(root, '*')) {
    const value = element.attributes.DefaultValue;
    if (value !== undefined && /^https?:/.test(value)) urls.push(value);
  }
  for (const domain of descendants(root, 'AppDomain')) urls.push(domain.text.trim());
  for (const url of urls) {
    const parsed = new URL(url);
    if (parsed.origin !== options.origin) {
      problems.push(`${url} is not on the dev server ${options.origin}`);
      continue;
    }
    const path = parsed.pathname.replace(/^\//, '');
    if (path !== '' && !options.files.includes(path))
      problems.push(`${url} names ${path}, which the build does not produce`);
  }
  const source = descendants(root, 'SourceLocation')[0]?.attributes.DefaultValue;
  const pane = descendants(root, 'Url').find((u) => u.attributes.id === 'Taskpane.Url');
  if (source !== pane?.attributes.DefaultValue)
    problems.push('DefaultSettings SourceLocation and the Taskpane.Url resource differ');
  return problems;
}

function lengthProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const limits: [string, string, number][] = [
    ['ShortStrings', 'String', 125],
    ['LongStrings', 'String', 250],
  ];
  for (const [group, name, max] of limits)
    for (const s of descendants(descendants(root, group)[0], name))
      if ((s.attributes.DefaultValue ?? '').length > max)
        problems.push(`${group} "${s.attributes.id}" is longer than ${max} characters`);
  const description = root.children.find((c) => c.name === 'Description');
  if ((description?.attributes.DefaultValue ?? '').length > 250)
    problems.push('<Description> is longer than 250 characters');
  return problems;
}

/** Every descendant named `name` (`*`: all), depth first. */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined) return [];
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (name === '*' || child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}
