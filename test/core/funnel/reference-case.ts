import type { Deal } from '../../../core/columns/records.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';

/**
 * The DOMAIN.md reference case: six-stage template, 18 open deals, amounts in 万欧元. Per stage the
 * counts and totals are the table's (Interest 5 / 300, Brewing 4 / 240, Design 3 / 176, Compare
 * 2 / 464, Commit 2 / 146, Use 2 / 98); how a total splits into deals is our choice.
 */
export const REFERENCE_ROWS: readonly {
  id: string;
  en: string;
  zh: string;
  amount: number;
  owner: string;
  close: string;
}[] = [
  ['D01', 'Interest', '兴趣(客户分析)', 40, 'Li', '2024-07-15'],
  ['D02', 'Interest', '兴趣', 50, 'Wang', '2024-08-10'],
  ['D03', 'Interest', '兴趣(客户分析)', 60, 'Li', '2024-09-05'],
  ['D04', 'Interest', '兴趣', 70, 'Zhang', '2024-09-20'],
  ['D05', 'Interest', '兴趣（客户分析）', 80, 'Wang', '2024-10-01'],
  ['D06', 'Brewing', '酝酿(建立信任)', 45, 'Li', '2024-07-30'],
  ['D07', 'Brewing', '酝酿', 55, 'Zhang', '2024-08-15'],
  ['D08', 'Brewing', '酝酿', 65, 'Wang', '2024-09-01'],
  ['D09', 'Brewing', '酝酿(建立信任)', 75, 'Li', '2024-10-12'],
  ['D10', 'Design', '设计(挖掘需求)', 50, 'Zhang', '2024-07-08'],
  ['D11', 'Design', '设计', 56, 'Li', '2024-08-22'],
  ['D12', 'Design', '设计', 70, 'Wang', '2024-09-30'],
  ['D13', 'Compare', '比较(呈现价值)', 200, 'Li', '2024-07-19'],
  ['D14', 'Compare', '比较', 264, 'Zhang', '2024-08-28'],
  ['D15', 'Commit', '承诺(赢取承诺)', 66, 'Wang', '2024-07-25'],
  ['D16', 'Commit', '承诺', 80, 'Li', '2024-08-05'],
  ['D17', 'Use', '使用(回收货款)', 40, 'Zhang', '2024-07-02'],
  ['D18', 'Use', '使用', 58, 'Wang', '2024-07-31'],
].map(([id, en, zh, amount, owner, close]) => ({
  id: id as string,
  en: en as string,
  zh: zh as string,
  amount: amount as number,
  owner: owner as string,
  close: close as string,
}));

/** The reference case as deals, with English or Chinese stage names; Excel rows 2–19. */
export function referenceDeals(language: 'en' | 'zh' = 'en'): Deal[] {
  return REFERENCE_ROWS.map((r, i) => ({
    row: i + 2,
    id: r.id,
    stage: language === 'en' ? r.en : r.zh,
    amount: r.amount,
    owner: r.owner,
    closeDate: epochDayFromIso(r.close),
  }));
}
