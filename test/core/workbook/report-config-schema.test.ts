import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportConfig } from '../../../core/index.js';

// docs/pipecast.schema.json documents the --config file for users and editors; parseReportConfig
// is what checks it. These tests keep the two saying the same thing.
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  enum?: readonly string[];
  examples?: readonly unknown[];
}
const SCHEMA = JSON.parse(
  readFileSync(new URL('../../../docs/pipecast.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;

/** The keys the parser knows at `path`, from its refusal of an unknown key ("known: a, b"). */
function parserKeys(path: readonly string[]): string[] {
  const probe: Record<string, unknown> = { zzUnknownKey: 1 };
  const config = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), probe);
  try {
    parseReportConfig(config, 'pipecast.json');
  } catch (error) {
    const known = /known: (.*)\)$/.exec((error as Error).message)?.[1];
    if (known !== undefined) return known.split(', ').sort();
  }
  throw new Error(`parseReportConfig accepted an unknown key under ${path.join('.')}`);
}

describe('docs/pipecast.schema.json', () => {
  it.each([
    [[]],
    [['forecast']],
    [['aging']],
    [['segments']],
    [['segments', 'rfmThresholds']],
    [['breakdowns']],
  ])('lists the keys parseReportConfig knows under %j, and refuses others', (path: string[]) => {
    const node = path.reduce<SchemaNode>((n, key) => n.properties![key]!, SCHEMA);
    expect(node.additionalProperties).toBe(false);
    const documented = Object.keys(node.properties!).filter((key) => key !== '$schema');
    expect(documented.sort()).toEqual(parserKeys(path));
  });

  it('every value of every enum is accepted by parseReportConfig', () => {
    const enums: [string[], readonly string[]][] = [
      [['locale'], SCHEMA.properties!.locale!.enum!],
      [['aging', 'by'], SCHEMA.properties!.aging!.properties!.by!.enum!],
      [['aging', 'groupBy'], SCHEMA.properties!.aging!.properties!.groupBy!.enum!],
      [['segments', 'by'], SCHEMA.properties!.segments!.properties!.by!.enum!],
      [['segments', 'measure'], SCHEMA.properties!.segments!.properties!.measure!.enum!],
      [['sheets', 'Deals'], (SCHEMA.properties!.sheets!.additionalProperties as SchemaNode).enum!],
    ];
    for (const [path, values] of enums)
      for (const value of values) {
        const config = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
        expect(() => parseReportConfig(config, 'pipecast.json')).not.toThrow();
      }
  });

  it('its example is a valid config', () => {
    for (const example of SCHEMA.examples!)
      expect(() => parseReportConfig(example, 'pipecast.json')).not.toThrow();
  });

  it('a bad key is refused with a message naming the file and the key', () => {
    expect(() => parseReportConfig({ aging: { bucket: [30] } }, 'team.json')).toThrow(
      /^team\.json: aging\.bucket is not a known key/,
    );
  });
});
