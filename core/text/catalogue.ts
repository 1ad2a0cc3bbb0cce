import { PipecastError } from '../errors/pipecast-error.js';

/**
 * Languages of the fixed text users read: English and Chinese. Data (stage, customer and sheet
 * names) is shown as typed, whatever the locale.
 */
export type Locale = 'en' | 'zh';

/** Every locale, for validation and for tests that loop over them. */
export const LOCALES: readonly Locale[] = ['en', 'zh'];

/** The locale used when none is given. */
export const DEFAULT_LOCALE: Locale = 'en';

/** One catalogue entry: the same text in every locale. */
export type TextEntry = Readonly<Record<Locale, string>>;

/**
 * Every fixed string that charts, reports, the CLI and the Excel add-in show, in both languages,
 * so translations live in one place and no builder hard-codes text. The type makes every entry
 * give every locale. `{name}` in an entry is a parameter, filled in by {@link textFor}; both
 * languages of an entry name the same parameters (test/core/text checks it).
 *
 * Sections: `chart` (titles, axis titles, series, segment and zone names of the Vega-Lite charts),
 * `report` (the workbook report: section titles, table headings, summary labels, and the HTML
 * page and batch index around them), `cli` (words `pipecast` adds itself in the report language).
 * A front end adds its own section (the add-in: `addin`).
 */
export const TEXT_CATALOGUE = {
  chart: {
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
  },
  report: {
    reportTitle: { en: 'Sales report', zh: '销售分析报告' },
    forecast: { en: 'Pipeline forecast', zh: '销售漏斗预测' },
    abc: { en: 'ABC customer classes', zh: 'ABC 客户分类' },
    rfm: { en: 'RFM segments', zh: 'RFM 客户分群' },
    portfolio: { en: 'Attack/defend portfolio', zh: '客户攻守组合' },
    aging: { en: 'Receivables aging', zh: '应收账款账龄' },
    stages: { en: 'Stages', zh: '各阶段' },
    months: { en: 'By close month', zh: '按预计成交月份' },
    owners: { en: 'By owner', zh: '按负责人' },
    classes: { en: 'Classes', zh: '分类汇总' },
    customers: { en: 'Customers', zh: '客户明细' },
    segments: { en: 'Segments', zh: '分群汇总' },
    zones: { en: 'Zones', zh: '区域汇总' },
    buckets: { en: 'Buckets', zh: '账龄区间' },
    priority: { en: 'Call first', zh: '优先催收' },
    stage: { en: 'Stage', zh: '阶段' },
    rate: { en: 'Rate', zh: '赢率' },
    deals: { en: 'Deals', zh: '商机数' },
    amount: { en: 'Amount', zh: '金额' },
    weighted: { en: 'Weighted', zh: '加权金额' },
    conversion: { en: 'Conversion', zh: '转化率' },
    daysInStage: { en: 'Avg days in stage', zh: '平均停留天数' },
    month: { en: 'Month', zh: '月份' },
    owner: { en: 'Owner', zh: '负责人' },
    total: { en: 'Total', zh: '合计' },
    class: { en: 'Class', zh: '类别' },
    customer: { en: 'Customer', zh: '客户' },
    customerCount: { en: 'Customers', zh: '客户数' },
    customerShare: { en: 'Customer share', zh: '客户占比' },
    value: { en: 'Value', zh: '金额' },
    valueShare: { en: 'Value share', zh: '金额占比' },
    rank: { en: 'Rank', zh: '排名' },
    share: { en: 'Share', zh: '占比' },
    cumulativeShare: { en: 'Cumulative share', zh: '累计占比' },
    segment: { en: 'Segment', zh: '分群' },
    recency: { en: 'Recency (days)', zh: '最近购买(天)' },
    frequency: { en: 'Frequency', zh: '购买频次' },
    monetary: { en: 'Monetary', zh: '消费金额' },
    monetaryShare: { en: 'Monetary share', zh: '金额占比' },
    zone: { en: 'Zone', zh: '区域' },
    strategy: { en: 'Strategy', zh: '策略' },
    potential: { en: 'Potential', zh: '采购潜力' },
    ourShare: { en: 'Our share', zh: '客户份额' },
    ourRevenue: { en: 'Our revenue', zh: '我方收入' },
    headroom: { en: 'Headroom', zh: '增长空间' },
    resources: { en: 'Resources %', zh: '资源占比 %' },
    currency: { en: 'Currency', zh: '币种' },
    bucket: { en: 'Bucket', zh: '账龄' },
    items: { en: 'Items', zh: '笔数' },
    open: { en: 'Open', zh: '未收余额' },
    overdue: { en: 'Overdue', zh: '逾期金额' },
    overdueShare: { en: 'Overdue share', zh: '逾期占比' },
    unapplied: { en: 'Unapplied cash', zh: '未核销回款' },
    maxDaysPastDue: { en: 'Max days past due', zh: '最长逾期天数' },
    disputed: { en: 'Disputed', zh: '有争议' },
    openDeals: { en: 'Open deals', zh: '在途商机' },
    pipelineAmount: { en: 'Pipeline amount', zh: '漏斗金额' },
    weightedForecast: { en: 'Weighted forecast', zh: '加权预测' },
    wonAmount: { en: 'Won', zh: '已赢单' },
    template: { en: 'Stage template', zh: '阶段模板' },
    dsoStandard: { en: 'DSO (days)', zh: '应收周转天数' },
    asOf: { en: 'As of', zh: '截至' },
    chartFunnel: { en: 'Funnel by stage', zh: '各阶段漏斗' },
    chartForecast: {
      en: 'Weighted forecast by close month (P10–P90)',
      zh: '按月加权预测 (P10–P90)',
    },
    chartConversion: { en: 'Stage conversion', zh: '阶段转化率' },
    chartPareto: { en: 'ABC Pareto curve', zh: 'ABC 帕累托曲线' },
    chartRfm: { en: 'RFM segment map', zh: 'RFM 分群图' },
    chartPortfolio: { en: 'Attack/defend portfolio', zh: '攻守组合散点图' },
    chartAging: { en: 'Aging by bucket', zh: '账龄分布' },
    chartTopOverdue: { en: 'Top overdue customers', zh: '逾期金额最高的客户' },
    moreRows: {
      en: '… {count} more rows in the CSV and results.xlsx',
      zh: '… {count} 行见 CSV 与 results.xlsx',
    },
    sheetsUsed: { en: 'Sheets', zh: '工作表' },
    contents: { en: 'Contents', zh: '目录' },
    dataAsOf: { en: 'Data as of', zh: '数据截至' },
    warnings: { en: 'Data warnings', zh: '数据警告' },
    noWarnings: { en: 'No data warnings.', zh: '没有数据警告。' },
    skipped: { en: 'Analyses not run', zh: '未运行的分析' },
    noRows: { en: 'No rows.', zh: '无数据。' },
    indexTitle: { en: 'Reports', zh: '报告列表' },
    file: { en: 'File', zh: '文件' },
    status: { en: 'Status', zh: '状态' },
    details: { en: 'Details', zh: '说明' },
    ok: { en: 'Report ready', zh: '已生成' },
    failed: { en: 'Failed', zh: '失败' },
    openReport: { en: 'Open report', zh: '打开报告' },
    summaryCounts: {
      en: '{ready} reports ready, failed: {failed}',
      zh: '{ready} 份报告已生成，失败： {failed}',
    },
    footer: {
      en: 'Generated by pipecast. Self-contained page: no scripts, no network.',
      zh: '由 pipecast 生成。独立页面：无脚本、无网络请求。',
    },
  },
  cli: {
    /** The index line listing a file's analyses that did not run. */
    notRun: { en: 'Not run: {analyses}', zh: '未运行: {analyses}' },
  },
} as const satisfies Record<string, Record<string, TextEntry>>;

type Catalogue = typeof TEXT_CATALOGUE;

/** A section of the catalogue: 'chart', 'report', 'cli'. */
export type TextSection = keyof Catalogue;

/** A key inside one section, e.g. `TextSectionKey<'chart'>` includes 'stage'. */
export type TextSectionKey<S extends TextSection> = keyof Catalogue[S] & string;

/** A full key, section and entry: 'chart.stage', 'report.moreRows', 'cli.notRun'. */
export type TextKey = { [S in TextSection]: `${S}.${TextSectionKey<S>}` }[TextSection];

type EntryOf<K extends TextKey> = K extends `${infer S extends TextSection}.${infer Name}`
  ? Name extends keyof Catalogue[S]
    ? Catalogue[S][Name]
    : never
  : never;

type PlaceholdersOf<T> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/**
 * The keys of one section whose entries take no parameters: what a lookup helper such as
 * `chartText` can accept without asking for parameters.
 */
export type PlainSectionKey<S extends TextSection> = {
  [Name in TextSectionKey<S>]: [PlaceholdersOf<(Catalogue[S][Name] & TextEntry)[Locale]>] extends [
    never,
  ]
    ? Name
    : never;
}[TextSectionKey<S>];

/** The parameters an entry names, e.g. `{ count: 12 }` for 'report.moreRows'. */
export type TextParams<K extends TextKey> = Readonly<
  Record<PlaceholdersOf<EntryOf<K>[Locale]>, string | number>
>;

/** No argument for an entry without parameters, one object naming each for an entry with some. */
type ParamsArgument<K extends TextKey> = [PlaceholdersOf<EntryOf<K>[Locale]>] extends [never]
  ? []
  : [params: TextParams<K>];

/**
 * One catalogue string in the given locale, with its `{name}` parameters filled in.
 *
 * @param locale - 'en' or 'zh'.
 * @param key - Section and entry, e.g. 'chart.stage'.
 * @param params - The entry's parameters, when it has any (the type asks for exactly those).
 * @returns The text, e.g. '阶段' for ('zh', 'chart.stage').
 * @throws PipecastError ('invalid-option') for a locale or key the catalogue does not have, or a
 *   parameter not given (callers in plain JavaScript).
 * @example textFor('zh', 'chart.amount') // '金额'
 * @example textFor('en', 'report.moreRows', { count: 12 }) // '… 12 more rows in the CSV and results.xlsx'
 */
export function textFor<K extends TextKey>(
  locale: Locale,
  key: K,
  ...params: ParamsArgument<K>
): string {
  const entry = entryOf(key);
  if (!Object.hasOwn(entry, locale)) {
    throw new PipecastError(
      'invalid-option',
      `textFor: locale must be 'en' or 'zh', got ${JSON.stringify(locale)}`,
    );
  }
  const given: Readonly<Record<string, string | number>> = params[0] ?? {};
  return entry[locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    if (value === undefined) {
      throw new PipecastError('invalid-option', `textFor: ${key} needs the parameter ${name}`);
    }
    return String(value);
  });
}

function entryOf(key: string): TextEntry {
  const dot = key.indexOf('.');
  const sectionName = key.slice(0, dot);
  const section: Readonly<Record<string, TextEntry>> | undefined =
    dot > 0 && Object.hasOwn(TEXT_CATALOGUE, sectionName)
      ? TEXT_CATALOGUE[sectionName as TextSection]
      : undefined;
  const name = key.slice(dot + 1);
  if (section === undefined || !Object.hasOwn(section, name)) {
    throw new PipecastError('invalid-option', `textFor: no catalogue text ${JSON.stringify(key)}`);
  }
  return section[name] as TextEntry;
}
