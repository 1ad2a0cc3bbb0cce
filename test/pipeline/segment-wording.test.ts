import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';

const ORDERS = join(import.meta.dirname, '../../samples/customers-orders.xlsx');
const HAN = /\p{Script=Han}/u;

async function segment(...args: string[]): Promise<string> {
  let out = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false };
  expect(await main(['segment', ORDERS, ...args], io)).toBe(0);
  return out;
}

/** The header line of the table whose header starts with `first`, and the dashed rule under it. */
function headerAndRule(out: string, first: string): [string, string] {
  const lines = out.split('\n');
  const at = lines.findIndex((line) => line.trimStart().startsWith(`${first} `));
  return [lines[at] ?? '', lines[at + 1] ?? ''];
}

describe('pipecast segment names classes in the output language only', () => {
  it('rfm in English: English segment names, every column headed, the rule as wide as the header', async () => {
    const out = await segment('--method', 'rfm', '--locale', 'en');
    expect(out).not.toMatch(HAN);
    const [header, rule] = headerAndRule(out, 'Segment');
    expect(header.trimEnd()).toMatch(/Monetary share$/);
    expect(rule.trimEnd().length).toBe(header.trimEnd().length);
    expect(out).toMatch(/^ {2}At risk +\d/m);
  });

  it('portfolio in English: zones by their English names (DOMAIN.md: acquire … abandon)', async () => {
    const out = await segment('--method', 'portfolio', '--locale', 'en');
    expect(out).not.toMatch(HAN);
    for (const zone of ['Acquire', 'Retain', 'Disrupt', 'Maintain', 'Abandon'])
      expect(out).toMatch(new RegExp(`^ {2}${zone} +(attack|defend|maintain) `, 'm'));
    // The customer table's zone column reads the same names, not the keys --json keeps.
    expect(out).not.toMatch(/ (acquire|retain)$/m);
  });

  it('portfolio in Chinese: the zone column is 分区 (a zone of the attack/defend model), not 区域 (region)', async () => {
    const out = await segment('--method', 'portfolio', '--locale', 'zh');
    expect(out).toMatch(/^ {2}分区 +策略 /m);
    expect(out).not.toContain('区域');
    expect(out).toMatch(/ 获取$/m);
  });

  it('scorecard tiers: English names in English, Chinese in Chinese', async () => {
    const criteria = ['--criteria', 'potential:60,share:40'];
    const en = await segment('--method', 'scorecard', ...criteria, '--locale', 'en');
    expect(en).not.toMatch(HAN);
    expect(en).toMatch(/^ {2}Strategic +\d/m);
    const zh = await segment('--method', 'scorecard', ...criteria, '--locale', 'zh');
    expect(zh).toMatch(/^ {2}战略客户 +\d/m);
    expect(zh).not.toMatch(/\bstrategic\b/i);
  });

  it('labels potential × share as implied revenue, not the customer’s revenue', async () => {
    // C105: potential 1,802,000 × share 54% = 973,080 (the sample's customer list), while its
    // order lines add up to 165,311.88 (ABC): the column is the implied figure.
    const en = await segment('--method', 'portfolio', '--locale', 'en');
    expect(en).toContain('Implied revenue (potential × share)');
    expect(en).not.toContain('Our revenue');
    expect(en).toMatch(/^ {2}C105 .* 973,080\.00 /m);
    const zh = await segment('--method', 'portfolio', '--locale', 'zh');
    expect(zh).toContain('推算收入（潜力 × 份额）');
    expect(zh).not.toContain('我方收入');
  });
});
