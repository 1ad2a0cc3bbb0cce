/**
 * The report's charts and figures on edge data (issue #17 "Charts on edge data", #19 huge cells):
 * open deals without amounts, credit notes, a date with nothing open, long stage names, huge
 * names. Each case builds a real report and reads what a sales manager would see: the SVG
 * charts and report.html.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const PIPELINE_CSV = join(DATA, 'crm-opportunities', 'sales_pipeline.csv');
const RECEIVABLES_CSV = join(DATA, 'receivables', 'WA_Fn-UseC_-Accounts-Receivable.csv');
const HAVE_DATA = existsSync(PIPELINE_CSV) && existsSync(RECEIVABLES_CSV);
if (!HAVE_DATA) console.warn(`skipping chart tests on real exports: ${DATA} is missing`);
const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-chart-edges-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Builds the report of `file` into its own folder and returns a reader of its files. */
async function report(file: string, name: string, asOf: string) {
  const out = join(root, name);
  await buildWorkbookReport(file, out, { asOf });
  return (path: string) => readFile(join(out, path), 'utf8');
}

/** The text of every <text> element of an SVG (tick labels, titles, legend entries). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

/** figcaption texts and figure labels of report.html. */
function figures(html: string): { label: string; caption: string | undefined }[] {
  return [...html.matchAll(/<figure [^>]*aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/figure>/g)].map(
    (match) => ({
      label: match[1] ?? '',
      caption: /<figcaption>([^<]*)<\/figcaption>/.exec(match[2] ?? '')?.[1],
    }),
  );
}

describe.skipIf(!HAVE_DATA)('charts on the real exports of ../shared/data', () => {
  it('funnel of crm-opportunities as of 2017-09-30 (open deals have no amount) counts deals and says why', async () => {
    const read = await report(PIPELINE_CSV, 'crm', '2017-09-30');
    const svg = await read('charts/forecast-funnel.svg');
    const texts = svgTexts(svg);
    expect(texts.join(' ')).not.toMatch(/NaN/);
    expect(texts).toContain('No open deal has an amount, so the bars count deals');
    expect(texts).toContain('Open deals');
    // The file's open deals: 500 Prospecting + 1,589 Engaging (awk over deal_stage of the CSV).
    expect(texts).toEqual(expect.arrayContaining(['500', '1,589']));
    const html = await read('report.html');
    expect(figures(html).find((f) => f.label === 'Funnel by stage')?.caption).toMatch(
      /counted because none of them has an amount/,
    );
  });

  it('receivables as of 2014-12-31 (nothing open) give DSO a dash with the reason, not "–" beside 0.0', async () => {
    const read = await report(RECEIVABLES_CSV, 'ar', '2014-12-31');
    const html = await read('report.html');
    expect(html).toMatch(
      /<dt>DSO \(days\)<\/dt><dd>—<\/dd><dd class="note">not computed: nothing open and nothing invoiced in the 90 days up to the as-of date<\/dd>/,
    );
    expect(html).toContain(
      '<dt>Overdue share</dt><dd>—</dd><dd class="note">nothing is open on the as-of date</dd>',
    );
  });
});

describe('charts of generated and sample files', () => {
  it('aging with credit notes draws them as their own labelled bar, never as a negative balance', async () => {
    // Beta Ltd: invoice 50,000 and credit note −51,000, both past due; Cosmo: 3,000 and −1,000.
    // Credits = −51,000 − 1,000 = −52,000; stacks: 4,500 (1–30), 3,000 (31–60), 70,000 (91–180).
    const csv = [
      'Invoice,Customer,Invoice date,Due date,Amount',
      'A1,Acme,2024-01-05,2024-02-04,12000',
      'A2,Acme,2024-03-01,2024-03-31,8000',
      'B1,Beta Ltd,2024-02-10,2024-03-11,50000',
      'B2,Beta Ltd,2023-11-01,2023-12-01,-51000',
      'C1,Cosmo,2024-04-01,2024-05-01,3000',
      'C2,Cosmo,2024-01-15,2024-02-14,-1000',
      'D1,Delta,2024-05-20,2024-06-19,4500',
    ].join('\n');
    const file = join(root, 'credits.csv');
    await writeFile(file, csv);
    const read = await report(file, 'credits', '2024-06-30');
    const texts = svgTexts(await read('charts/aging-buckets.svg'));
    expect(texts.filter((text) => /^[−-]\d/.test(text))).toEqual(['−52,000']); // the credits label only
    expect(texts.filter((text) => text === 'Credits')).toHaveLength(2); // axis category and legend
    expect(texts.join(' ')).toMatch(/Credits \(credit notes, overpayments\) are their own bar/);
    expect(texts).toContain('70,000'); // top tick: the 91–180 stack, not −50k below zero
    const html = await read('report.html');
    // Money tiles at two decimals (issue 17: one number format everywhere).
    expect(html).toContain('<dt>Credits</dt><dd>-52,000.00</dd>');
    // Overdue is what is owed past due: 12,000 + 8,000 + 50,000 + 3,000 + 4,500 = 77,500.
    expect(html).toContain('<dt>Overdue</dt><dd>77,500.00</dd>');
    // The customers table (report.html, its CSV and results.xlsx share it): Beta Ltd owes 50,000
    // past due and has −51,000 of credits, open −1,000; its buckets are the chart's stacks.
    const customers = (await read('aging-customers.csv')).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(customers[0]).toBe(
      'Currency,Customer,Open,Overdue,Credits,Unapplied cash,Current,1–30,31–60,61–90,91–180,181+',
    );
    expect(customers).toContain(',Beta Ltd,-1000,50000,-51000,0,0,0,0,0,50000,0');
    expect(customers).toContain(',Cosmo,2000,3000,-1000,0,0,0,3000,0,0,0');
    // The buckets table: owed per bucket, the credits on their own row (2 credit notes), open total.
    const buckets = (await read('aging-buckets.csv')).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(buckets).toEqual(
      expect.arrayContaining([
        ',91–180,70000,3',
        ',181+,0,0',
        ',Credits,-52000,2',
        ',Total,25500,7',
      ]),
    );
  });

  it('a forecast whose months are all 0 says why and draws its line on the 0 of the axis', async () => {
    // Three open deals with close dates and amount 0 (weighted 0 × any rate = 0 in every month).
    const csv = [
      'Opportunity Name,Account Name,Stage,Amount,Close Date',
      'D1,Acme,Prospecting,0,2026-07-15',
      'D2,Beta,Qualification,0,2026-08-10',
      'D3,Cosmo,Negotiation/Review,0,2026-09-05',
      'D4,Delta,Closed Won,5000,2026-05-01',
    ].join('\n');
    const file = join(root, 'zero-deals.csv');
    await writeFile(file, csv);
    const read = await report(file, 'zero-deals', '2026-06-30');
    const texts = svgTexts(await read('charts/forecast-band.svg'));
    expect(texts).toContain(
      'Every month forecasts 0: the deals closing in them have no amount or no chance of winning',
    );
    // The y axis has the one tick 0; the months are on the x axis.
    expect(texts).toEqual(expect.arrayContaining(['0', '2026-07', '2026-08', '2026-09']));
    expect(texts.filter((text) => /^[\d.,]+$/.test(text) && text !== '0')).toEqual([]);
  });

  it('pipeline-en: stage names whole, money ticks never read 0k or 0M, shares in percent', async () => {
    const read = await report(join(SAMPLES, 'pipeline-en.xlsx'), 'pipeline-en', '2026-06-30');
    const funnel = svgTexts(await read('charts/forecast-funnel.svg'));
    expect(funnel).toContain('Interest (customer analysis)');
    expect(funnel).toContain('Commit (win commitment)');
    expect(funnel.filter((text) => text.includes('…'))).toEqual([]);
    expect(funnel).toContain('Amount (thousands)');
    for (const chart of ['forecast-funnel', 'forecast-band']) {
      const texts = svgTexts(await read(`charts/${chart}.svg`));
      expect(texts.filter((text) => /^[\d.,]+[kMGB]$/.test(text))).toEqual([]);
      expect(texts).toContain('0');
    }
    const conversion = svgTexts(await read('charts/forecast-conversion.svg'));
    expect(conversion).toEqual(expect.arrayContaining(['0%', '50%', '100%']));
  });

  it('report captions say how to read each chart and never repeat its title', async () => {
    const read = await report(join(SAMPLES, 'pipeline-zh.xlsx'), 'pipeline-zh', '2026-06-30');
    const shown = figures(await read('report.html'));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const figure of shown) {
      expect(figure.caption).toBeDefined();
      expect(figure.caption).not.toContain(figure.label);
    }
  });

  it('a 30,000-character customer name is cut to 40 characters in the charts; SVG and report stay small', async () => {
    const huge = `Huge${'名'.repeat(30_000)}`;
    const csv = [
      'Invoice,Customer,Invoice date,Due date,Amount',
      `H1,${huge},2024-01-05,2024-02-04,1200`,
      'A1,Acme,2024-03-01,2024-03-31,800',
    ].join('\n');
    const file = join(root, 'huge-name.csv');
    await writeFile(file, csv);
    const read = await report(file, 'huge-name', '2024-06-30');
    for (const chart of ['aging-buckets', 'aging-top-overdue']) {
      const svg = await read(`charts/${chart}.svg`);
      const spec = await read(`charts/${chart}.vl.json`);
      expect(svg).not.toContain('名'.repeat(40));
      expect(spec).not.toContain('名'.repeat(40));
      expect(svg).toContain(`Huge${'名'.repeat(35)}…`);
      expect(svg.length).toBeLessThan(60_000);
    }
    // Tables keep up to HTML_CELL_CHARS (1,000) of a name; the inline charts only their labels.
    const html = await read('report.html');
    const longestRun = Math.max(...[...html.matchAll(/名+/g)].map((match) => match[0].length));
    expect(longestRun).toBeLessThanOrEqual(1000);
    const inlineSvgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => match[0]);
    // The aging charts, and ABC/RFM over the invoices as order history.
    expect(inlineSvgs.length).toBeGreaterThanOrEqual(2);
    for (const svg of inlineSvgs) expect(svg).not.toContain('名'.repeat(40));
  });
});
