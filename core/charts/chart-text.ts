/**
 * Languages chart labels come in. Users read reports in English or Chinese; the data itself
 * (stage names, customer names) is shown as typed whatever the locale.
 */
export type ChartLocale = 'en' | 'zh';

/** Every locale a chart builder accepts, for validation and for tests that loop over them. */
export const CHART_LOCALES: readonly ChartLocale[] = ['en', 'zh'];

/** The default chart locale. */
export const DEFAULT_CHART_LOCALE: ChartLocale = 'en';

/**
 * One catalogue of every fixed string a chart shows (titles, axis titles, series names,
 * segment and zone names), so translations live in one place and no builder hard-codes text.
 */
export const CHART_TEXT = {
  funnelTitle: { en: 'Pipeline by stage', zh: '各阶段商机漏斗' },
  forecastTitle: { en: 'Weighted forecast by close month', zh: '按预计成交月份的加权预测' },
  conversionTitle: { en: 'Stage conversion', zh: '阶段转化率' },
  paretoTitle: { en: 'ABC Pareto curve', zh: 'ABC 帕累托曲线' },
  rfmTitle: { en: 'RFM segment map', zh: 'RFM 客户分群图' },
  portfolioTitle: { en: 'Attack/defend portfolio', zh: '客户攻守组合' },
  agingTitle: { en: 'Receivables aging by bucket', zh: '应收账款账龄分布' },
  topOverdueTitle: { en: 'Top overdue customers', zh: '逾期金额最高的客户' },
  stage: { en: 'Stage', zh: '阶段' },
  amount: { en: 'Amount', zh: '金额' },
  weighted: { en: 'Weighted', zh: '加权金额' },
  closeMonth: { en: 'Close month', zh: '预计成交月份' },
  weightedForecast: { en: 'Weighted forecast', zh: '加权预测' },
  p10p90Band: { en: 'P10–P90 range', zh: 'P10–P90 区间' },
  p50: { en: 'P50', zh: 'P50 中位数' },
  conversion: { en: 'Conversion to next stage', zh: '转入下一阶段的比例' },
  bottleneck: { en: 'Bottleneck', zh: '瓶颈' },
  customerShare: { en: 'Share of customers', zh: '客户数占比' },
  revenueShare: { en: 'Cumulative share of revenue', zh: '累计收入占比' },
  abcClass: { en: 'Class', zh: '分类' },
  classA: { en: 'A', zh: 'A 类' },
  classB: { en: 'B', zh: 'B 类' },
  classC: { en: 'C', zh: 'C 类' },
  recency: { en: 'Recency score (R)', zh: '最近购买得分 (R)' },
  frequencyMonetary: { en: 'Frequency + monetary score (FM)', zh: '频次与金额得分 (FM)' },
  customers: { en: 'Customers', zh: '客户数' },
  segment: { en: 'Segment', zh: '分群' },
  potential: { en: 'Purchase potential', zh: '采购潜力' },
  ourShare: { en: 'Our share of customer spend', zh: '客户份额' },
  zone: { en: 'Zone', zh: '区域' },
  median: { en: 'Median', zh: '中位数' },
  bucket: { en: 'Days past due', zh: '逾期天数' },
  openBalance: { en: 'Open balance', zh: '未收余额' },
  customer: { en: 'Customer', zh: '客户' },
  owner: { en: 'Owner', zh: '负责人' },
  other: { en: 'Other', zh: '其他' },
  overdue: { en: 'Overdue amount', zh: '逾期金额' },
  Champions: { en: 'Champions', zh: '冠军客户' },
  Loyal: { en: 'Loyal', zh: '忠诚客户' },
  'Potential loyalist': { en: 'Potential loyalist', zh: '潜在忠诚客户' },
  New: { en: 'New', zh: '新客户' },
  Promising: { en: 'Promising', zh: '有潜力客户' },
  'Need attention': { en: 'Need attention', zh: '需要关注' },
  'About to sleep': { en: 'About to sleep', zh: '即将沉睡' },
  'At risk': { en: 'At risk', zh: '流失风险' },
  "Can't lose": { en: "Can't lose", zh: '不能失去' },
  Hibernating: { en: 'Hibernating', zh: '休眠客户' },
  Lost: { en: 'Lost', zh: '已流失' },
  acquire: { en: 'Acquire', zh: '获取' },
  retain: { en: 'Retain', zh: '保留' },
  disrupt: { en: 'Disrupt', zh: '侵扰' },
  maintain: { en: 'Maintain', zh: '维持' },
  abandon: { en: 'Abandon', zh: '放弃' },
} as const satisfies Record<string, Record<ChartLocale, string>>;

/** A key of {@link CHART_TEXT}. */
export type ChartTextKey = keyof typeof CHART_TEXT;

/**
 * Looks up a fixed chart string in the given locale.
 *
 * @param key - A catalogue key, e.g. `'stage'`.
 * @param locale - `'en'` or `'zh'`.
 * @returns The translated text, e.g. `'阶段'` for `('stage', 'zh')`.
 * @example chartText('amount', 'zh') // '金额'
 */
export function chartText(key: ChartTextKey, locale: ChartLocale): string {
  return CHART_TEXT[key][locale];
}

/**
 * Translates a name when the catalogue knows it (standard RFM segments, portfolio zones) and
 * otherwise returns it unchanged, so user-defined segment names still show as typed.
 *
 * @param name - A segment or zone name as the analysis reported it.
 * @param locale - `'en'` or `'zh'`.
 * @returns The catalogue text for `name`, or `name` itself.
 * @example localizeKnownName('Champions', 'zh') // '冠军客户'
 * @example localizeKnownName('VIP 北区', 'zh') // 'VIP 北区'
 */
export function localizeKnownName(name: string, locale: ChartLocale): string {
  return Object.hasOwn(CHART_TEXT, name) ? CHART_TEXT[name as ChartTextKey][locale] : name;
}
