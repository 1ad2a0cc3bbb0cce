/** Stages of the built-in six-stage template, as a user types them. */
const STAGES = ['Interest', 'Brewing', 'Design', 'Compare', 'Commit', 'Use', 'Won', 'Lost'];

/**
 * A deal sheet of `rows` deals (header row first): id, stage, amount, close date as an Excel
 * serial (46203 = 2026-06-30), owner. Deterministic, so two runs read the same grid.
 */
export function dealValues(
  rows: number,
  owner: (i: number) => string = (i) => `Rep ${i % 7}`,
): (string | number)[][] {
  const values: (string | number)[][] = [['Deal', 'Stage', 'Amount', 'Close date', 'Owner']];
  for (let i = 0; i < rows; i += 1) {
    values.push([
      `D${i}`,
      STAGES[i % STAGES.length] ?? 'Interest',
      1000 + (i % 97) * 10,
      46203 + (i % 120),
      owner(i),
    ]);
  }
  return values;
}
