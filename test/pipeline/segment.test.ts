import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';

let dir: string;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['segment', ...args], io);
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segment-cli-'));
  await mkdir(join(dir, 'days'));
  // Two daily exports with Chinese headers; amounts from 数量 × 单价.
  await writeFile(
    join(dir, 'days', '2024-03-01.csv'),
    '订单号,客户编号,日期,数量,单价\n1,A,2024-03-01,10,5\n2,B,2024-03-01,1,20\nC3,A,2024-03-01,-2,5\n4,,2024-03-01,1,1\n',
  );
  await writeFile(
    join(dir, 'days', '2024-03-02.csv'),
    '订单号,客户编号,日期,数量,单价\n5,C,2024-03-02,3,10\n6,A,2024-03-02,1,10\n',
  );
  await writeFile(
    join(dir, 'customers.csv'),
    'Customer ID,Name,Purchase potential,Our share,Size,Loyalty\n' +
      'k1,Acme,900,80%,90,80\nk2,Bolt,900,10%,60,70\nk3,Core,100,90%,40,20\nk4,Dyna,100,5%,10,10\n',
  );
});

describe('pipecast segment', () => {
  it('prints ABC classes per customer as JSON from a folder of daily files', async () => {
    const { code, out } = await run([join(dir, 'days'), '--method', 'abc', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // A: 50 − 10 + 10 = 50; C: 30; B: 20; total 100 → A above 0 → A; C above .5 → A; B above .8 → B.
    expect(
      json.customers.map((c: { id: string; class: string; revenue: number }) => [
        c.id,
        c.revenue,
        c.class,
      ]),
    ).toEqual([
      ['A', 50, 'A'],
      ['C', 30, 'A'],
      ['B', 20, 'B'],
    ]);
    expect(json.summary.counts).toMatchObject({
      lines: 6,
      linesWithoutCustomer: 1,
      cancellationLines: 1,
    });
    expect(
      json.warnings.some(
        (w: { code: string; count: number }) => w.code === 'missing-value' && w.count === 1,
      ),
    ).toBe(true);
  });

  it('prints RFM fields per customer with the as-of date', async () => {
    const { code, out } = await run([
      join(dir, 'days'),
      '--method',
      'rfm',
      '--as-of',
      '2024-03-10',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.summary.asOf).toBe('2024-03-10');
    const a = json.customers.find((c: { id: string }) => c.id === 'A');
    // A: last order 2024-03-02 → 8 days; orders 1 and 6 → 2; monetary 50. n = 3:
    // r worse (more days) = B (9 days) → 1 + floor(5/3) = 2; f worse = 2 → 1 + floor(10/3) = 4;
    // m worse = 2 → 4.
    expect(a).toMatchObject({
      recency: 8,
      frequency: 2,
      monetary: 50,
      r: 2,
      f: 4,
      m: 4,
      segment: 'at-risk',
    });
  });

  it('defaults as-of to the day after the last line, and prints a readable summary', async () => {
    // English wording asked for: without --locale, Chinese headers give a Chinese report.
    const { code, out } = await run([join(dir, 'days'), '--method', 'rfm', '--locale', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('RFM as of 2024-03-03');
    expect(out).toContain('Champions');
    // English output shows English segment names only: no Chinese column beside them.
    expect(out).not.toMatch(/\p{Script=Han}/u);
    expect(out).toContain('without customer id 1');
  });

  it('counts nothing from a file that fails half way, and exits 2', async () => {
    const days = join(dir, 'days-with-bad');
    await mkdir(days);
    await writeFile(join(days, 'a.csv'), '订单号,客户编号,日期,数量,单价\n1,A,2024-03-01,10,5\n');
    // Line 2 reads as an order of customer B; line 3 opens a quote that never closes.
    await writeFile(
      join(days, 'b.csv'),
      '订单号,客户编号,日期,数量,单价\n2,B,2024-03-01,1,20\n3,"B,2024-03-01,1,20\n',
    );
    const { code, out, err } = await run([days, '--method', 'rfm', '--json', '--locale', 'en']);
    expect(code).toBe(2);
    expect(err).toMatch(/b\.csv: malformed CSV: a quoted field opened on line 3 is never closed/);
    // Without --locale the Chinese headers make the failure line Chinese.
    const chinese = await run([days, '--method', 'rfm', '--json']);
    expect(chinese.err).toMatch(
      /b\.csv：CSV 格式错误：第 3 行开始的带引号字段没有结束引号（列 B）/u,
    );
    // Only a.csv counts: customer A with 10 × 5 = 50; B's first line is not counted either.
    const parsed = JSON.parse(out) as { customers: { id: string; monetary: number }[] };
    expect(parsed.customers.map((c) => [c.id, c.monetary])).toEqual([['A', 50]]);
  });

  it('places customers in the attack/defend portfolio', async () => {
    const { code, out } = await run([
      join(dir, 'customers.csv'),
      '--method',
      'portfolio',
      '--json',
    ]);
    expect(code).toBe(0);
    const zones = Object.fromEntries(
      JSON.parse(out).customers.map((c: { id: string; zone: string }) => [c.id, c.zone]),
    );
    // Potentials 100,100,900,900: median 500, tertiles (PERCENTILE.INC h = 1, 2) 100 and 900.
    // Shares .05,.1,.8,.9: median .45, tertiles .1 and .8. Inside both bands: k1 (900, .8) and
    // k2 (900, .1) → disrupt; k3 (100, .9) low potential, high share → maintain; k4 → abandon.
    expect(zones).toEqual({ k1: 'disrupt', k2: 'disrupt', k3: 'maintain', k4: 'abandon' });
  });

  it('ranks a weighted scorecard and rejects weights that do not add to 100', async () => {
    const ok = await run([
      join(dir, 'customers.csv'),
      '--method',
      'scorecard',
      '--criteria',
      'size:50,loyalty:50',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    const items = JSON.parse(ok.out).customers;
    // k1 85 strategic, k2 65 key, k3 30, k4 10 ordinary.
    expect(
      items.map((r: { id: string; total: number; tier: string }) => [r.id, r.total, r.tier]),
    ).toEqual([
      ['k1', 85, 'strategic'],
      ['k2', 65, 'key'],
      ['k3', 30, 'ordinary'],
      ['k4', 10, 'ordinary'],
    ]);
    const bad = await run([
      join(dir, 'customers.csv'),
      '--method',
      'scorecard',
      '--criteria',
      'size:50,loyalty:40',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('scorecard: weights must add up to 100%, got 90%');
  });

  it('rejects bad flags with a usage error', async () => {
    expect((await run([dir])).err).toContain('--method is required');
    expect((await run([dir, '--method', 'xyz'])).err).toContain("unknown --method 'xyz'");
    expect((await run([dir, '--method', 'rfm', '--as-of', '10/12/2011'])).err).toContain(
      '--as-of must be a date',
    );
    expect((await run([dir, '--method', 'rfm', '--mode', 'b2b'])).err).toContain(
      '--mode b2b needs --monetary',
    );
    expect((await run(['--method', 'rfm'])).err).toContain('name at least one file or folder');
    expect((await run([join(dir, 'nope'), '--method', 'rfm'])).code).toBe(1);
  });
});
