import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../addin/scripts/build-addin.js';
import { builtFiles, DEV_ORIGIN } from '../../addin/scripts/built-files.js';
import { checkManifest, parseXml } from '../../addin/scripts/check-manifest.js';
import { DEV_PORT } from '../../addin/scripts/dev-port.js';

const manifest = readFileSync(join(REPO, 'manifest.xml'), 'utf8');
const options = { origin: DEV_ORIGIN, files: builtFiles() };

describe('checkManifest', () => {
  it('passes the repository manifest', () => {
    expect(checkManifest(manifest, options)).toEqual([]);
  });

  it('uses the origin the dev server listens on', () => {
    expect(DEV_ORIGIN).toBe(`https://localhost:${DEV_PORT}`);
  });

  it('names only pages the build copies from addin/src', () => {
    for (const file of builtFiles().filter((f) => f.endsWith('.html')))
      expect(existsSync(join(REPO, 'addin', 'src', file)), file).toBe(true);
  });

  it('reports XML that is not well-formed, with its position', () => {
    const problems = checkManifest(manifest.replace('</Version>', '</Versio>'), options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not well-formed/);
  });

  it('reports children out of schema order', () => {
    const swapped = manifest.replace(
      /(<ProviderName>[^<]*<\/ProviderName>)(\s*)(<DefaultLocale>[^<]*<\/DefaultLocale>)/,
      '$3$2$1',
    );
    expect(checkManifest(swapped, options)).toContain('<ProviderName> is out of schema order');
  });

  it('reports a missing required element', () => {
    const without = manifest.replace(/<Permissions>[^<]*<\/Permissions>/, '');
    expect(checkManifest(without, options)).toContain('required <Permissions> is missing');
  });

  it('reports duplicate ids and undefined resids', () => {
    const duplicate = manifest.replace(' id="Icon.32x32"', ' id="Icon.16x16"');
    const problems = checkManifest(duplicate, options);
    expect(problems).toContain('resource id "Icon.16x16" is defined twice');
    expect(problems).toContain('<Image> refers to undefined resid "Icon.32x32"');
  });

  it('reports URLs off the dev server and files the build does not make', () => {
    const moved = manifest
      .replace(
        'https://localhost:3000/help.html"/>\n  <AppDomains>',
        'https://example.com/help.html"/>\n  <AppDomains>',
      )
      .replace('assets/icon-80.png', 'assets/icon-81.png');
    const problems = checkManifest(moved, options);
    expect(problems).toContain(
      'https://example.com/help.html is not on the dev server https://localhost:3000',
    );
    expect(problems).toContain(
      'https://localhost:3000/assets/icon-81.png names assets/icon-81.png, which the build does not produce',
    );
  });

  it('reads the ribbon button on the Home tab with icons of 16, 32 and 80 pixels', () => {
    const root = parseXml(manifest);
    const text = JSON.stringify(root);
    expect(text).toContain('"id":"TabHome"');
    expect(text).toContain('"xsi:type":"ShowTaskpane"');
  });
});
