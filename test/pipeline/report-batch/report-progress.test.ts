import { describe, expect, it } from 'vitest';
import { createReportProgress } from '../../../pipeline/report/batch/report-progress.js';

function capture(): { write: (t: string) => void; text: () => string } {
  let out = '';
  return { write: (t) => (out += t), text: () => out };
}

describe('createReportProgress', () => {
  it('createReportProgress prints one plain line per finished file when not a terminal', () => {
    const out = capture();
    let clock = 0;
    const progress = createReportProgress(out.write, 3, { isTTY: false, now: () => clock });
    progress.start('samples/pipeline-en.xlsx');
    progress.start('bad.xlsx');
    clock = 1234;
    progress.done('samples/pipeline-en.xlsx', { ok: true, summary: {} as never, ms: 1234 });
    progress.done('bad.xlsx', { ok: false, reason: 'not a zip file', ms: 5 });
    progress.done('c.csv', { ok: true, summary: {} as never, ms: 60 });
    progress.finish();
    expect(out.text()).toBe(
      '[1/3] ok samples/pipeline-en.xlsx (1.2 s)\n[2/3] error bad.xlsx: not a zip file\n[3/3] ok c.csv (0.1 s)\n',
    );
    expect(out.text()).not.toContain('\r');
  });

  it('prints the same lines in Chinese with locale zh', () => {
    const out = capture();
    let clock = 0;
    const progress = createReportProgress(out.write, 2, {
      isTTY: false,
      now: () => clock,
      locale: 'zh',
    });
    clock = 1234;
    progress.done('samples/pipeline-zh.xlsx', { ok: true, summary: {} as never, ms: 1234 });
    progress.done('bad.xlsx', { ok: false, reason: '找不到文件', ms: 5 });
    progress.finish();
    // The English lines above, word for word: ok → 完成, error → 出错, s → 秒.
    expect(out.text()).toBe(
      '[1/2] 完成 samples/pipeline-zh.xlsx（1.2 秒）\n[2/2] 出错 bad.xlsx：找不到文件\n',
    );
  });

  it('shows the elapsed time on the bar in Chinese with locale zh', () => {
    const out = capture();
    let clock = 0;
    const progress = createReportProgress(out.write, 1, {
      isTTY: true,
      now: () => clock,
      tickMs: 0,
      locale: 'zh',
    });
    clock = 2500;
    progress.start('dir/a.xlsx');
    expect(out.text().endsWith('\r[--------------------] 0/1  a.xlsx  2.5 秒\x1b[K')).toBe(true);
    progress.finish();
  });

  it('createReportProgress redraws one bar line with \\r on a terminal and clears it at the end', () => {
    const out = capture();
    let clock = 0;
    const progress = createReportProgress(out.write, 2, {
      isTTY: true,
      now: () => clock,
      tickMs: 0,
    });
    progress.start('dir/a.xlsx');
    clock = 2500;
    progress.start('dir/b.xlsx');
    const drawn = out.text();
    // Current file names (base names) and elapsed time on the bar.
    expect(drawn.endsWith('\r[--------------------] 0/2  a.xlsx, b.xlsx  2.5 s\x1b[K')).toBe(true);
    progress.done('dir/a.xlsx', { ok: true, summary: {} as never, ms: 2500 });
    expect(out.text().endsWith('\r[##########----------] 1/2  b.xlsx  2.5 s\x1b[K')).toBe(true);
    progress.done('dir/b.xlsx', { ok: false, reason: 'corrupt', ms: 1 });
    progress.finish();
    const text = out.text();
    // The failure stays on screen as its own line; the bar never ends with a newline.
    expect(text).toContain('\r\x1b[K[2/2] error dir/b.xlsx: corrupt\n');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(text).not.toContain('ok dir/a.xlsx');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('createReportProgress cuts the bar line to the terminal width, counting CJK as two columns', () => {
    const out = capture();
    const progress = createReportProgress(out.write, 1, {
      isTTY: true,
      columns: 50,
      tickMs: 0,
      now: () => 0,
    });
    progress.start(`${'销售'.repeat(30)}.xlsx`);
    const last = out.text().split('\r').at(-1)!.replace('\x1b[K', '');
    const width = Array.from(last).reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(width).toBeLessThanOrEqual(49);
    expect(last).toContain('…');
    expect(last.endsWith('0.0 s')).toBe(true);
    progress.finish();
  });

  it('createReportProgress writes nothing after finish and redraws the elapsed time on a timer', async () => {
    const out = capture();
    let clock = 0;
    const progress = createReportProgress(out.write, 1, {
      isTTY: true,
      now: () => clock,
      tickMs: 10,
    });
    clock = 3000;
    await new Promise((r) => setTimeout(r, 40));
    expect(out.text()).toContain('3.0 s');
    progress.finish();
    const before = out.text();
    await new Promise((r) => setTimeout(r, 30));
    expect(out.text()).toBe(before);
  });

  it('createReportProgress assumes 80 columns when the terminal reports 0 (a pseudo-terminal without a size)', () => {
    const out = capture();
    const progress = createReportProgress(out.write, 1, {
      isTTY: true,
      columns: 0,
      tickMs: 0,
      now: () => 0,
    });
    progress.start('samples/pipeline-en.xlsx');
    expect(out.text().endsWith('\r[--------------------] 0/1  pipeline-en.xlsx  0.0 s\x1b[K')).toBe(
      true,
    );
    progress.finish();
  });
});
