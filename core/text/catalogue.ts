import { PipecastError } from '../errors/pipecast-error.js';
import { numberParamText } from './format-number.js';

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
 * page and batch index around them), `cli` (words `pipecast` adds itself in the report language),
 * `addin` (the Excel task pane: labels, progress, errors, output sheet names). A new front end
 * adds a section of its own.
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
    breakdownTitle: { en: 'Breakdown', zh: '分项汇总' },
    breakdownTopN: {
      en: 'Top {shown} of {count} {column} values; the other {rest}: {amount}',
      zh: '显示前 {shown} 个（「{column}」共 {count} 个值）；其余 {rest} 个合计 {amount}',
    },
    stage: { en: 'Stage', zh: '阶段' },
    amount: { en: 'Amount', zh: '金额' },
    weighted: { en: 'Weighted', zh: '加权金额' },
    closeMonth: { en: 'Close month', zh: '预计成交月份' },
    weightedForecast: { en: 'Weighted forecast', zh: '加权预测' },
    p10p90Band: { en: 'P10–P90 range', zh: 'P10–P90 区间' },
    p50: { en: 'P50', zh: 'P50 中位数' },
    bandAllZero: {
      en: 'Every month forecasts 0: the deals closing in them have no amount or no chance of winning',
      zh: '各月预测均为 0：这些月份预计成交的商机没有金额或赢率为 0',
    },
    bandZeroMonths: {
      en: 'Forecast 0 in {months}: the deals closing then have no amount or no chance of winning',
      zh: '{months} 预测为 0：当月预计成交的商机没有金额或赢率为 0',
    },
    bandNoDealMonths: {
      en: 'No deal is expected to close in {months}, so the line breaks there',
      zh: '{months} 没有预计成交的商机，折线在此断开',
    },
    bandMonthsLeftOut: {
      en: 'Only months with deals are on the axis: the close dates span {count} months',
      zh: '横轴只列出有商机的月份：预计成交日期跨 {count} 个月',
    },
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
    zone: { en: 'Zone', zh: '分区' },
    median: { en: 'Median', zh: '中位数' },
    bucket: { en: 'Days past due', zh: '逾期天数' },
    bucketCurrent: { en: 'Current', zh: '未到期' },
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
    Lost: { en: 'Lost', zh: '流失客户' },
    acquire: { en: 'Acquire', zh: '获取' },
    retain: { en: 'Retain', zh: '保留' },
    disrupt: { en: 'Disrupt', zh: '侵扰' },
    maintain: { en: 'Maintain', zh: '维持' },
    abandon: { en: 'Abandon', zh: '放弃' },
    unitThousands: { en: 'thousands', zh: '千' },
    unitMillions: { en: 'millions', zh: '百万' },
    unitBillions: { en: 'billions', zh: '十亿' },
    unitWan: { en: '10 thousands', zh: '万' },
    unitYi: { en: '100 millions', zh: '亿' },
    openDeals: { en: 'Open deals', zh: '未结商机数' },
    funnelByCount: {
      en: 'No open deal has an amount, so the bars count deals',
      zh: '未结商机都没有金额，故按商机数显示',
    },
    funnelNoDeals: { en: 'No open deals to show', zh: '没有可显示的未结商机' },
    paretoNoRevenue: {
      en: 'No customer has revenue above 0, so the curve stays at 0%',
      zh: '没有客户的收入大于 0，曲线停在 0%',
    },
    credits: { en: 'Credits', zh: '贷项' },
    agingCredits: {
      en: 'Credits (credit notes, overpayments) are their own bar, not netted into the buckets: open balance = buckets − credits',
      zh: '贷项（红字发票、多付款）单独成柱，不与账龄段相抵：未收余额 = 各账龄段合计 − 贷项',
    },
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
    zones: { en: 'Zones', zh: '分区汇总' },
    buckets: { en: 'Buckets', zh: '账龄区间' },
    priority: { en: 'Call first', zh: '优先催收' },
    stage: { en: 'Stage', zh: '阶段' },
    rate: { en: 'Rate', zh: '赢率' },
    probabilityFromFile: { en: 'Probability (from file)', zh: '赢率(来自文件)' },
    stageRate: { en: 'Stage rate', zh: '阶段赢率' },
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
    zone: { en: 'Zone', zh: '分区' },
    strategy: { en: 'Strategy', zh: '策略' },
    potential: { en: 'Potential', zh: '采购潜力' },
    ourShare: { en: 'Our share', zh: '客户份额' },
    ourRevenue: { en: 'Implied revenue (potential × share)', zh: '推算收入（潜力 × 份额）' },
    headroom: { en: 'Headroom', zh: '增长空间' },
    resources: { en: 'Resources %', zh: '资源占比 %' },
    currency: { en: 'Currency', zh: '币种' },
    currencyCount: { en: 'Currencies', zh: '币种数' },
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
    keyFigures: { en: 'Key figures', zh: '关键数字' },
    outcomeP10: { en: 'Open pipeline outcome, P10', zh: '在途商机成交额 P10' },
    outcomeP50: { en: 'Open pipeline outcome, P50', zh: '在途商机成交额 P50' },
    outcomeP90: { en: 'Open pipeline outcome, P90', zh: '在途商机成交额 P90' },
    outcomeRange: { en: 'Open pipeline outcome, P10 – P90', zh: '在途商机成交额 P10 – P90' },
    revenueTotal: { en: 'Revenue', zh: '收入合计' },
    aCustomers: { en: 'A customers', zh: 'A 类客户数' },
    aValueShare: { en: 'A share of revenue', zh: 'A 类收入占比' },
    revenueSource: { en: 'Revenue from', zh: '收入来源' },
    revenueFromOrderLines: { en: 'order lines', zh: '订单明细' },
    revenueFromInvoices: { en: 'invoices', zh: '发票' },
    revenueFromWonDeals: { en: 'won deals', zh: '赢单商机' },
    revenueFromCustomers: { en: 'the customer list', zh: '客户清单' },
    largestSegment: { en: 'Largest segment', zh: '最大分群' },
    champions: { en: 'Champions', zh: '冠军客户' },
    unclassified: { en: 'Unclassified', zh: '未分类' },
    tier_strategic: { en: 'Strategic', zh: '战略客户' },
    tier_key: { en: 'Key', zh: '重点客户' },
    tier_ordinary: { en: 'Ordinary', zh: '普通客户' },
    tier_A: { en: 'A', zh: 'A类渠道' },
    tier_B: { en: 'B', zh: 'B类渠道' },
    tier_C: { en: 'C', zh: 'C类渠道' },
    tier_D: { en: 'D', zh: 'D类渠道' },
    attackCustomers: { en: 'Attack', zh: '进攻' },
    defendCustomers: { en: 'Defend', zh: '防御' },
    /** A figure that is per currency only, on a file with several currencies. */
    severalCurrencies: {
      en: '{count} currencies: see each',
      zh: '{count} 种币种：见各币种',
    },
    skipForecast: {
      en: 'no sheet with deals: needs a stage column (e.g. Stage / 阶段), with amount and close date for the forecast',
      zh: '没有商机工作表：需要阶段列（如 Stage / 阶段），预测还需要金额和预计成交日期',
    },
    skipAbc: {
      en: 'no sheet with order lines (customer, date, amount or quantity × unit price) and no customer list with a revenue column',
      zh: '没有订单明细工作表（客户、日期、金额或数量 × 单价），也没有带收入列的客户表',
    },
    skipRfm: {
      en: 'no sheet with order lines: needs columns customer, invoice date and amount (or quantity and unit price)',
      zh: '没有订单明细工作表：需要客户、开票日期和金额（或数量和单价）列',
    },
    skipPortfolio: {
      en: 'no customer list with purchase potential and our share (e.g. Purchase potential / 采购潜力, Our share / 客户份额)',
      zh: '没有含采购潜力和客户份额的客户表（如 Purchase potential / 采购潜力、Our share / 客户份额）',
    },
    skipAging: {
      en: 'no sheet with invoices: needs columns invoice, invoice date, amount',
      zh: '没有发票工作表：需要发票号、开票日期和金额列',
    },
    failedAnalysis: { en: 'failed: {reason}', zh: '运行失败：{reason}' },
    templateUser: { en: 'chosen by the user', zh: '由用户指定' },
    templateMatched: {
      en: 'its stage names match {share} of the open deals',
      zh: '其阶段名称与 {share} 的在途商机一致',
    },
    templateFromData: {
      en: 'no built-in template matches enough open deals; the {count} open stage names in the data are used, with win rates learned from closed deals',
      zh: '没有内置模板与足够多的在途商机一致；使用数据中的 {count} 个在途阶段名称，赢率从已关闭商机学习',
    },
    templateFromDataName: { en: 'Stages found in the data', zh: '数据中的阶段' },
    noDate: { en: '(no date)', zh: '（无日期）' },
    actionRowDropped: { en: 'row dropped', zh: '已删除该行' },
    actionValueIgnored: { en: 'value ignored', zh: '已忽略该值' },
    actionRowKept: { en: 'row kept', zh: '已保留该行' },
    actionColumnIgnored: { en: 'column ignored', zh: '已忽略该列' },
    actionSheetSkipped: { en: 'sheet skipped', zh: '已跳过该工作表' },
    actionFileSkipped: { en: 'file skipped', zh: '已跳过该文件' },
    actionAssumed: { en: 'assumed', zh: '按假设处理' },
    actionNone: { en: 'none', zh: '无需处理' },
    kindDeal: { en: 'deals', zh: '商机' },
    kindStageChange: { en: 'stage changes', zh: '阶段变更' },
    kindOrderLine: { en: 'order lines', zh: '订单明细' },
    kindCustomer: { en: 'customers', zh: '客户' },
    kindInvoice: { en: 'invoices', zh: '发票' },
    kindPayment: { en: 'payments', zh: '回款' },
    kindUnknown: { en: 'not used', zh: '未使用' },
    kindJoined: { en: 'joined to the deals', zh: '已关联到商机' },
    asOf: { en: 'As of', zh: '截至' },
    rfmAsOf: { en: 'As of {day} ({mode})', zh: '截至 {day}（{mode}）' },
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
    breakdownBy: { en: 'By {column}', zh: '按「{column}」' },
    blankValue: { en: '(blank)', zh: '（空白）' },
    breakdownNotMade: {
      en: 'No breakdown by {column}: {reason}',
      zh: '未能按「{column}」细分：{reason}',
    },
    customerColumnsDiffer: {
      en: '{column}: {customers} customers’ lines hold different values; each shows its most recent line’s',
      zh: '{column}：{customers} 个客户的各行取值不一；每个客户取其最近一行的值',
    },
    customersNotOnList: {
      en: '{column}: {customers} customers are not on the customer list, so their {column} is blank',
      zh: '{column}：{customers} 个客户不在客户清单中，其{column}为空',
    },
    customerNotOnList: {
      en: '{column}: 1 customer is not on the customer list, so its {column} is blank',
      zh: '{column}：1 个客户不在客户清单中，其{column}为空',
    },
    captionFunnel: {
      en: 'Light bars: open amount per stage; dark bars: weighted amount (amount × win rate).',
      zh: '浅色柱：各阶段未结金额；深色柱：加权金额（金额 × 赢率）。',
    },
    captionFunnelCount: {
      en: 'Bars: open deals per stage, counted because none of them has an amount yet; fill in amounts to see the pipeline value.',
      zh: '柱：各阶段未结商机数。因商机都还没有金额，故按数量显示；填写金额后即可看到金额漏斗。',
    },
    captionForecast: {
      en: 'Line: weighted forecast per close month; band: won revenue between P10 and P90; dashed: P50.',
      zh: '实线：各预计成交月份的加权预测；色带：赢单收入的 P10–P90 区间；虚线：P50。',
    },
    captionConversion: {
      en: 'Share of the deals that reached a stage and moved on to the next (the last stage: won); red: the bottleneck.',
      zh: '到达该阶段的商机中进入下一阶段（最后阶段为赢单）的比例；红色为瓶颈阶段。',
    },
    captionPareto: {
      en: 'Customers ranked by revenue: the share of revenue the top share of customers makes; dashed lines: the A and B cut points.',
      zh: '按收入排序的客户：前若干比例的客户贡献的收入比例；虚线为 A、B 类分界。',
    },
    captionRfm: {
      en: 'Customers per cell of recency (R) against frequency and monetary value (FM), named by segment.',
      zh: '按最近购买 (R) 与频次金额 (FM) 得分划分的每格客户数及其分群名称。',
    },
    captionPortfolio: {
      en: 'Each point a customer: our share of its spend across, its purchase potential up; dashed lines split the zones.',
      zh: '每个点是一位客户：横轴为我方份额，纵轴为采购潜力；虚线为各分区的分界。',
    },
    captionAging: {
      en: 'Open balance per bucket of days past due, one colour per customer or owner (the smallest merged into Other).',
      zh: '各逾期天数段的未收余额，每种颜色代表一位客户或负责人（较小者合并为"其他"）。',
    },
    captionTopOverdue: {
      en: 'Customers owing the most past due; credit notes are not deducted (see Credits in the customers table).',
      zh: '逾期欠款最多的客户；贷项不抵减逾期（见客户表的"贷项"列）。',
    },
    credits: { en: 'Credits', zh: '贷项' },
    notYetDue: { en: 'Not yet due', zh: '未到期' },
    shareNothingOpen: {
      en: 'nothing is open on the as-of date',
      zh: '截至日没有未收款',
    },
    shareCreditBalance: {
      en: 'not computed: credits exceed what customers owe (open balance below 0)',
      zh: '未计算：贷项超过客户欠款（未收余额小于 0）',
    },
    currenciesApart: {
      en: '{count} currencies ({currencies}) are never added together: each has its own figures and tables',
      zh: '{count} 种币种（{currencies}）不会相加：每种币种各有自己的数字和表格',
    },
    dsoCreditBalance: {
      en: 'not computed: credits exceed what customers owe (open balance below 0)',
      zh: '未计算：贷项超过客户欠款（未收余额小于 0）',
    },
    dsoNothingOpenNoSales: {
      en: 'not computed: nothing open and nothing invoiced in the {days} days up to the as-of date',
      zh: '未计算：截至日没有未收款，且此前 {days} 天内没有开票',
    },
    dsoNoSalesInWindow: {
      en: 'standard DSO not computed: nothing invoiced in the {days} days up to the as-of date',
      zh: '未计算标准 DSO：截至日前 {days} 天内没有开票',
    },
    dsoSalesDoNotCover: {
      en: 'countback not computed: all sales up to the as-of date are less than the open balance',
      zh: '未计算倒推 DSO：截至日前的全部销售额小于未收余额',
    },
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
    nothing: { en: 'Nothing to analyse', zh: '无可分析的数据' },
    asOfFromData: {
      en: '{day} (the day after the last recorded event in the data, {lastEvent})',
      zh: '{day}（数据中最后一次记录事件 {lastEvent} 的次日）',
    },
    combinedFiles: {
      en: 'Built from {count} files ({first} … {last})',
      zh: '由 {count} 个文件（{first} … {last}）合并生成',
    },
    sheetRange: {
      en: '{first} … {last} ({count} sheets)',
      zh: '{first} … {last}（共 {count} 个工作表）',
    },
    joinedTable: {
      en: 'Joined {sheet} by {key}: {matched} deals matched, {unmatched} not found; added {columns}',
      zh: '按 {key} 关联 {sheet}：匹配 {matched} 个商机，{unmatched} 个未找到；新增列 {columns}',
    },
    valuedAtListPrice: {
      en: '{count} open deals without an amount valued at list price (see the Amount basis column)',
      zh: '{count} 个无金额的进行中商机按产品标价计值（见 Amount basis 列）',
    },
    historyInvoices: {
      en: 'Orders: the {lines} invoices of {sheets} (customer, invoice date, amount), as the workbook has no order lines',
      zh: '订单：取自 {sheets} 的 {lines} 张发票（客户、开票日期、金额），因工作簿中没有订单明细',
    },
    historyWonDeals: {
      en: 'Orders: the {lines} won deals of {sheets} (account, close date, amount), as the workbook has no order lines',
      zh: '订单：取自 {sheets} 的 {lines} 个赢单商机（客户、成交日期、金额），因工作簿中没有订单明细',
    },
    dealsAtListPrice: { en: 'Open deals valued at list price', zh: '按标价计值的进行中商机' },
    commitForecast: { en: 'Commit forecast', zh: '承诺预测' },
    bestCaseForecast: { en: 'Best case forecast', zh: '最佳情况预测' },
    quota: { en: 'Quota', zh: '销售指标' },
    quotaCoverage: { en: 'Quota coverage', zh: '指标覆盖率' },
    quotaCoverageNote: {
      en: 'open pipeline {pipeline} ÷ quota still to win {remaining}',
      zh: '在途漏斗金额 {pipeline} ÷ 尚需完成的指标 {remaining}',
    },
    quotaCoverageNone: {
      en: 'nothing left to win: won {closed} reaches the quota',
      zh: '无尚需完成的指标：已赢单 {closed} 已达到指标',
    },
    quotaGap: { en: 'Gap to quota', zh: '指标缺口' },
    quotaGapNote: {
      en: 'quota − won − weighted forecast',
      zh: '指标 − 已赢单 − 加权预测',
    },
    categories: { en: 'Forecast categories', zh: '预测类别' },
    category: { en: 'Category', zh: '预测类别' },
    unqualifiedNote: {
      en: '{count} unqualified open deals (need, authority, budget or timeline not met) are kept out of Commit',
      zh: '{count} 个不合格在途商机（需求、决策权、预算或时间计划未满足）不计入承诺',
    },
    winRates: { en: 'Win rates learned from closed deals', zh: '从已关闭商机学习的赢率' },
    templateRate: { en: 'Template rate', zh: '模板赢率' },
    learnedRate: { en: 'Learned rate', zh: '学习所得赢率' },
    wonDeals: { en: 'Won', zh: '赢单数' },
    closedDeals: { en: 'Closed deals (n)', zh: '已关闭商机数 (n)' },
    shrunk: { en: 'Shrunk toward prior', zh: '已向先验收缩' },
    hygienePastClose: { en: 'Past close date', zh: '已过预计成交日' },
    hygieneStuck: { en: 'Stuck in stage', zh: '阶段停滞' },
    hygieneNoActivity: {
      en: 'No activity for over {days} days',
      zh: '超过 {days} 天无跟进',
    },
    deal: { en: 'Deal', zh: '商机' },
    closeDate: { en: 'Close date', zh: '预计成交日期' },
    inStageSince: { en: 'In stage since', zh: '进入阶段日期' },
    lastActivity: { en: 'Last activity', zh: '最近跟进日期' },
    daysPastClose: { en: 'Days past close', zh: '超期天数' },
    daysStuck: { en: 'Days in stage', zh: '停留天数' },
    stageNormDays: { en: 'Stage norm (days)', zh: '阶段标准天数' },
    daysNoActivity: { en: 'Days without activity', zh: '未跟进天数' },
    /** What a hygiene list says beside its table: none found, deals it could not check. */
    hygieneListNote: { en: '{list}: {text}', zh: '{list}：{text}' },
    hygieneNone: { en: 'none', zh: '无' },
    hygieneUnchecked: {
      en: '{count} not checked (no {date})',
      zh: '{count} 个在途商机未检查（缺少{date}）',
    },
    hygieneNoCloseDate: { en: 'close date', zh: '预计成交日期' },
    hygieneNoStageEntered: { en: 'stage-entered date', zh: '进入阶段日期' },
    hygieneNoLastActivity: { en: 'last-activity date', zh: '最近跟进日期' },
    hygieneSummary: {
      en: 'Hygiene: {pastClose} past close date, {stuck} stuck, {noActivity} without activity for over {days} days; largest amounts first',
      zh: '商机健康检查：{pastClose} 个已过预计成交日，{stuck} 个阶段停滞，{noActivity} 个超过 {days} 天无跟进；按金额从大到小列出',
    },
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
    /** A file whose every analysis was skipped: why, and what to do. */
    nothingToAnalyse: {
      en: 'nothing to analyse: no sheet has the columns of deals (stage, amount), order lines (customer, date, amount), a customer list (potential, share, revenue) or invoices (invoice, date, amount). Run `pipecast inspect {file}` to see what each sheet was taken for, then rename the headers or map them with --config',
      zh: '无可分析的数据：没有工作表包含商机（阶段、金额）、订单行（客户、日期、金额）、客户清单（采购潜力、客户份额、收入）或发票（发票号、日期、金额）的列。运行 `pipecast inspect {file}` 查看各工作表被识别为何种数据，再修改表头或用 --config 映射列',
    },
    /** `pipecast segment` with no customer left to segment: why, and the fix, per method. */
    nothingToSegment_portfolio: {
      en: 'nothing to analyse: no customer has both a purchase potential and our share, so none can be placed in the portfolio. Add the columns "Purchase potential" and "Our share" (采购潜力, 客户份额) to the customer list',
      zh: '无可分析的数据：没有客户同时具有采购潜力和客户份额，无法放入攻守组合。请在客户清单中加入“采购潜力”和“客户份额”列（Purchase potential, Our share）',
    },
    nothingToSegment_orderLines: {
      en: 'nothing to analyse: no order line has a customer id, so no customer can be segmented. Fill in the customer id column of the export (e.g. Customer ID / 客户编号)',
      zh: '无可分析的数据：没有任何订单行带有客户编号，无法对客户分群。请在导出文件中填写客户编号列（Customer ID / 客户编号）',
    },
    nothingToSegment_scorecard: {
      en: 'nothing to analyse: the customer list has no customer to score. Check that the file has a customer column (e.g. Customer / 客户)',
      zh: '无可分析的数据：客户清单中没有可评分的客户。请确认文件有客户列（Customer / 客户）',
    },
    /** How a scorecard criterion's column became a 1–100 score. */
    scorecardScale_score: { en: 'read as a 1–100 score', zh: '按 1–100 分直接计分' },
    'scorecardScale_min-max': {
      en: 'scaled min–max to 1–100',
      zh: '按最小–最大值缩放为 1–100 分',
    },
    scorecardScale_rank: {
      en: 'scaled by percentile rank to 1–100',
      zh: '按百分位排名换算为 1–100 分',
    },
    'scorecardScaleWhy_column-is-score': {
      en: '(every value is within 1–100)',
      zh: '（所有值都在 1–100 之间）',
    },
    'scorecardScaleWhy_column-not-score': {
      en: '(the column is not a 1–100 score)',
      zh: '（该列不是 1–100 分）',
    },
    higherIsBetter: { en: 'higher is better', zh: '越高越好' },
    lowerIsBetter: { en: 'lower is better', zh: '越低越好' },
    row: { en: 'row {row}', zh: '第 {row} 行' },
    warningsHeading: { en: 'Warnings ({count}):', zh: '数据警告（{count} 条）：' },
    /** Under a text table or list cut to its first rows: how many more `--json` lists. */
    moreRows: { en: '… and {count} more (see --json)', zh: '…… 另有 {count} 条（见 --json）' },
    sheetOfFile: { en: '{file} · sheet {sheet}', zh: '{file} · 工作表 {sheet}' },
    asOfFromPipeline: {
      en: 'As of {day} (the day after the last recorded event in the pipeline; pass --as-of to fix it)',
      zh: '截至 {day}（商机数据中最后一次记录事件的次日；可用 --as-of 指定）',
    },
    asOf: { en: 'As of {day}', zh: '截至 {day}' },
    templateLine: { en: 'Template: {template}', zh: '阶段模板：{template}' },
    stageHistory: { en: 'Stage history: sheet {sheet}', zh: '阶段变更记录：工作表 {sheet}' },
    count: { en: 'Count', zh: '商机数' },
    rateLearned: { en: '{rate} (learned, n={n})', zh: '{rate}（从历史学习，n={n}）' },
    wonLost: {
      en: 'Won {won} ({amount}) · Lost {lost}',
      zh: '赢单 {won} 个（{amount}）· 输单 {lost} 个',
    },
    unknownStages: {
      en: 'Stages not in the model (open ones in the "Unknown stage" row): {stages}',
      zh: '不在模型中的阶段（在途商机计入“未知阶段”行）：{stages}',
    },
    probabilityFromFile: { en: 'Probability (from file)', zh: '赢率（来自文件）' },
    stageRate: { en: 'Stage rate', zh: '阶段赢率' },
    smallOrders: {
      en: 'Small orders below {threshold}: {count} open ({amount}) out of the funnel; run-rate add-back {addBack} over {days} days',
      zh: '低于 {threshold} 的小额订单：{count} 个在途（{amount}）不进入漏斗；按历史平均补回漏斗外销售额 {addBack}（{days} 天）',
    },
    rollups: {
      en: 'Commit forecast {commit} · Best case {bestCase} · Pipeline {pipeline}',
      zh: '承诺预测 {commit} · 最佳情况 {bestCase} · 渠道 {pipeline}',
    },
    unqualifiedDeals: {
      en: 'Unqualified deals: {count} (never in Commit)',
      zh: '不合格商机：{count} 个（不计入承诺）',
    },
    /** The quota line, each figure saying what it is. */
    quotaLine: {
      en: 'Quota {quota}: won {closed}, still to win {remaining}; coverage {coverage} (open pipeline {pipeline} ÷ quota still to win); gap {gap} (quota − won − weighted forecast)',
      zh: '销售指标 {quota}：已赢单 {closed}，尚需 {remaining}；覆盖率 {coverage}（在途漏斗金额 {pipeline} ÷ 尚需完成的指标）；缺口 {gap}（指标 − 已赢单 − 加权预测）',
    },
    /** The forecast's P10–P90 line: the outcome of the open deals, not revenue already won. */
    rangeLine: {
      en: "Range of the open pipeline's outcome (revenue still to win): P10 {p10} · P50 {p50} · P90 {p90} ({method}, CDF error ≤ {error})",
      zh: '在途商机成交额区间（尚待赢得的收入）：P10 {p10} · P50 {p50} · P90 {p90}（{method}，CDF 误差 ≤ {error}）',
    },
    bottleneckLine: { en: 'Bottleneck: {stage} — {reason}', zh: '瓶颈：{stage} — {reason}' },
    bottleneckConversion: {
      en: 'lowest conversion to the next stage: {rate} of {reached} deals that reached it',
      zh: '转入下一阶段的比例最低：到达该阶段的 {reached} 个商机中 {rate}',
    },
    bottleneckDwell: {
      en: 'longest average time in stage: {days} days (no conversion data)',
      zh: '平均停留时间最长：{days} 天（无转化数据）',
    },
    cycleVelocity: {
      en: 'Average cycle: {cycle} · Velocity: {velocity}',
      zh: '平均销售周期：{cycle} · 销售速度：{velocity}',
    },
    days: { en: '{days} days', zh: '{days} 天' },
    perDay: { en: '{amount} per day', zh: '每天 {amount}' },
    'velocity_no open deals': { en: 'no open deals', zh: '没有在途商机' },
    'velocity_no open deal has an amount': {
      en: 'no open deal has an amount',
      zh: '没有在途商机有金额',
    },
    'velocity_no closed deals to learn a win rate from': {
      en: 'no closed deals to learn a win rate from',
      zh: '没有已关闭商机可用来学习赢率',
    },
    'velocity_no won deal has both a created and a close date': {
      en: 'no won deal has both a created and a close date',
      zh: '没有同时有创建日期和成交日期的赢单商机',
    },
    'velocity_the average cycle is not positive': {
      en: 'the average cycle is not positive',
      zh: '平均销售周期不是正数',
    },
    method_exact: { en: 'exact', zh: '精确计算' },
    'method_normal-mixture': { en: 'normal-mixture', zh: '正态混合近似' },
    'method_monte-carlo': { en: 'monte-carlo', zh: '蒙特卡洛模拟' },
    winRatesLine: { en: 'Win rates: {note}', zh: '赢率：{note}' },
    winRatesLearned: {
      en: 'learned from {closed} closed deals ({won} won)',
      zh: '从 {closed} 个已关闭商机（{won} 个赢单）学习',
    },
    winRatesByHistory: { en: 'with the stage history', zh: '依据阶段变更记录' },
    winRatesByLastStage: {
      en: 'each placed by its last stage',
      zh: '每个商机按其最后所在阶段计',
    },
    winRatesLostWithoutStage: {
      en: '{count} lost deals without a stage counted as reaching every stage',
      zh: '{count} 个未注明阶段的输单商机视为到达过每个阶段',
    },
    winRatesShrunk: {
      en: '{count} stage rate(s) rest on fewer than {min} closed deals and are shrunk toward the prior',
      zh: '{count} 个阶段的赢率所依据的已关闭商机少于 {min} 个，已向先验赢率收缩',
    },
    hygieneLine: {
      en: 'Hygiene: {pastClose} past close date, {stuck} stuck, {noActivity} without activity',
      zh: '商机健康检查：{pastClose} 个已过预计成交日，{stuck} 个阶段停滞，{noActivity} 个近期无跟进',
    },
    slippageLine: {
      en: 'Slippage: {pushedOut} pushed out, {cut} cut, {back} moved back',
      zh: '商机延误：{pushedOut} 个推迟成交日期，{cut} 个金额下调，{back} 个退回前一阶段',
    },
    segmentHeadline: {
      en: 'pipecast segment --method {method}: {customers} customers from {files} file(s)',
      zh: 'pipecast segment --method {method}：{customers} 个客户，来自 {files} 个文件',
    },
    onlyCurrency: {
      en: 'Only the orders in {currency} are ranked (other currencies are never added to them)',
      zh: '仅统计 {currency} 订单（其他币种从不与之相加）',
    },
    abcCustomerColumn: {
      en: 'Ranked: the "{column}" column of {sheet}, each customer\'s own figure as the customer list gives it (not our sales to them), as there are no order lines, invoices or won deals',
      zh: '排序依据：{sheet} 的“{column}”列，即客户名单中客户自身的数值（不是我们对其的销售额），因没有订单明细、发票或赢单商机',
    },
    orderLineCounts: {
      en: 'order lines {lines}; without customer id {withoutCustomer}; cancellation lines {cancellations}; distinct customer ids {customers}',
      zh: '订单明细 {lines} 行；无客户编号 {withoutCustomer} 行；取消行 {cancellations} 行；不同客户编号 {customers} 个',
    },
    abcHeadline: {
      en: 'ABC by {by}, cut points {cuts}%',
      zh: 'ABC 分类（按{by}），分界点 {cuts}%',
    },
    rfmHeadline: { en: 'RFM as of {day} ({mode})', zh: 'RFM 客户分群，截至 {day}（{mode}）' },
    rfmMode_quintile: { en: 'quintile', zh: '五分位评分' },
    rfmMode_b2b: { en: 'b2b', zh: 'B2B 固定阈值' },
    returnsOnlyApart: {
      en: '{count} customers with only returns are listed apart (see --json)',
      zh: '{count} 个只有退货的客户单独列出（见 --json）',
    },
    portfolioHeadline: { en: 'Attack/defend portfolio', zh: '客户攻守组合' },
    strategy_attack: { en: 'attack', zh: '进攻' },
    strategy_defend: { en: 'defend', zh: '防御' },
    strategy_maintain: { en: 'maintain', zh: '维持' },
    scorecardHeadline: { en: 'Weighted scorecard', zh: '权重因素记分法（客户重要度评分）' },
    noRecordsFound_orderLine: {
      en: 'no order lines found in {files} file(s)',
      zh: '在 {files} 个文件中没有找到订单明细',
    },
    noRecordsFound_customer: {
      en: 'no customers found in {files} file(s)',
      zh: '在 {files} 个文件中没有找到客户',
    },
    noInputFiles: {
      en: 'no .xlsx, .csv or .tsv files in {paths}',
      zh: '{paths} 中没有 .xlsx、.csv 或 .tsv 文件',
    },
    agingHeadline: {
      en: 'Receivables aging of {file} as of {day}{fromData}, by days {basis}',
      zh: '{file} 的应收账款账龄，截至 {day}{fromData}，按{basis}',
    },
    agingAsOfFromData: {
      en: '(the day after the last invoice, paid date or payment; pass --as-of to fix it)',
      zh: '（最后一张发票、回款日期或回款的次日；可用 --as-of 指定）',
    },
    agingBasis_due: { en: 'past due', zh: '逾期天数' },
    agingBasis_invoice: { en: 'since invoice', zh: '开票后天数' },
    agingSheets: { en: 'Sheets: {sheets}', zh: '工作表：{sheets}' },
    agingSheet: { en: '{sheet} ({kind}, {rows} rows)', zh: '{sheet}（{kind}，{rows} 行）' },
    sheetSkipped: { en: 'skipped', zh: '已跳过' },
    agingCounts: {
      en: 'Invoices aged {aged}, after as-of {invoicesAfter}; payments applied {applied}, unapplied {unapplied}, after as-of {paymentsAfter}',
      zh: '计入账龄的发票 {aged} 张，截至日后开票 {invoicesAfter} 张；已核销回款 {applied} 笔，未核销 {unapplied} 笔，截至日后回款 {paymentsAfter} 笔',
    },
    agingCurrenciesNote: {
      en: 'Note: {count} currencies ({currencies}) are never added together: each has its own section below (pass --base and --rates to convert them into one)',
      zh: '注意：{count} 种币种（{currencies}）不会相加：下面每种币种各列一节（用 --base 和 --rates 可折算为一种币种）',
    },
    note: { en: 'Note: {note}', zh: '注意：{note}' },
    currencyNotGiven: { en: 'currency not given', zh: '未注明币种' },
    blankCurrency: { en: 'blank', zh: '空白' },
    openRow: { en: 'Open', zh: '未收余额' },
    agingOverdueLine: {
      en: 'Overdue {overdue} ({share}%), credits {credits}, unapplied cash {unapplied}, net {net}',
      zh: '逾期 {overdue}（{share}%），贷项 {credits}，未核销回款 {unapplied}，净额 {net}',
    },
    agingDsoLine: {
      en: 'DSO standard {standard} days, countback {countback} days ({window}-day window, sales {sales})',
      zh: '应收周转天数：标准法 {standard} 天，倒推法 {countback} 天（{window} 天窗口，赊销额 {sales}）',
    },
    agingDaysLateLine: {
      en: 'Days late of settled invoices: mean {mean}, amount-weighted {weighted} ({invoices} invoices, {late} late)',
      zh: '已结清发票的平均逾期天数：简单平均 {mean}，金额加权 {weighted}（{invoices} 张发票，{late} 张逾期）',
    },
    agingProvision: { en: 'Provision {amount}', zh: '坏账准备 {amount}' },
    agingSalesToCover: {
      en: '; extra sales to cover it {amount}',
      zh: '；需额外销售额弥补坏账 {amount}',
    },
    unappliedHeading: { en: 'Unapplied cash:', zh: '未核销回款：' },
    unappliedLine: {
      en: '{customer}: {amount} ({count} payments, {first} … {last})',
      zh: '{customer}：{amount}（{count} 笔回款，{first} … {last}）',
    },
    unappliedLineOne: {
      en: '{customer}: {amount} (1 payment, {first})',
      zh: '{customer}：{amount}（1 笔回款，{first}）',
    },
    callFirstHeading: {
      en: 'Call first (overdue × days past due):',
      zh: '优先催收（逾期金额 × 逾期天数）：',
    },
    callFirstLine: {
      en: '{customer}: overdue {overdue}, up to {days} days',
      zh: '{customer}：逾期 {overdue}，最长逾期 {days} 天',
    },
    disputedAmount: { en: 'disputed {amount}', zh: '有争议 {amount}' },
    creditUse: { en: 'credit use {percent}%', zh: '信用额度使用 {percent}%' },
    customersByOpen: { en: 'Customers by open amount:', zh: '按未收余额排列的客户：' },
    openInvoicesHeading: { en: 'Open invoices:', zh: '未结发票：' },
    openInvoiceLine: {
      en: '{invoice} {customer} {date} due {due} open {open} {bucket}',
      zh: '{invoice} {customer} {date} 到期 {due} 未收 {open} {bucket}',
    },
    disputed: { en: 'disputed', zh: '有争议' },
    noInvoices: {
      en: 'no sheet of {file} holds invoices (needs invoice number, invoice date and amount columns; try pipecast inspect)',
      zh: '{file} 中没有发票工作表（需要发票号、开票日期和金额列；请运行 pipecast inspect 查看）',
    },
    nothingToAge: {
      en: 'nothing to age as of {day}: all {count} invoices are dated after it (first invoice {first}); pass a later --as-of',
      zh: '截至 {day} 没有可计算账龄的发票：全部 {count} 张发票都在该日之后开具（最早一张 {first}）；请用 --as-of 指定更晚的日期',
    },
    date1904: { en: '(1904 date system)', zh: '（1904 日期系统）' },
    sheetNoKind: {
      en: 'Sheet "{sheet}": no table of any known kind',
      zh: '工作表“{sheet}”：不是任何已知类型的数据表',
    },
    sheetKind: {
      en: 'Sheet "{sheet}": {kind} records ({how})',
      zh: '工作表“{sheet}”：{kind}数据（{how}）',
    },
    kindAsAsked: { en: 'as asked', zh: '按指定类型' },
    kindDetected: { en: 'detected', zh: '自动识别' },
    headerRowNotFound: { en: 'Header row: not found', zh: '表头行：未找到' },
    headerRowAt: { en: 'Header row: {row}', zh: '表头行：第 {row} 行' },
    columnsHeading: { en: 'Columns:', zh: '列对应：' },
    yourMapping: { en: '(your mapping)', zh: '（你的映射）' },
    noneInBrackets: { en: '(none)', zh: '（无）' },
    none: { en: 'none', zh: '无' },
    unmatchedColumns: { en: 'Unmatched columns: {columns}', zh: '未识别的列：{columns}' },
    ambiguousLine: {
      en: 'Ambiguous: {field} could be {options}; used {used}',
      zh: '有歧义：{field} 可能是 {options}；使用了 {used}',
    },
    or: { en: 'or', zh: '或' },
    missingRequiredFields: {
      en: 'Missing required fields: {fields}',
      zh: '缺少的必填字段：{fields}',
    },
    rowsLine: {
      en: 'Rows: {read} read, {kept} kept, {dropped} dropped',
      zh: '行数：读取 {read}，保留 {kept}，删除 {dropped}',
    },
    blankValues: { en: 'Blank values:', zh: '空值：' },
    blankValueLine: {
      en: '{field}: {count} (rows {rows})',
      zh: '{field}：{count} 个（第 {rows} 行）',
    },
    alsoFits: { en: 'Also fits: {kinds}', zh: '也符合：{kinds}' },
    fitsColumns: { en: '{kind} ({matched} columns{lacks})', zh: '{kind}（{matched} 列{lacks}）' },
    lacks: { en: ', lacks {fields}', zh: '，缺少 {fields}' },
    warningsNone: { en: 'Warnings: none', zh: '数据警告：无' },
    column: { en: 'column "{column}"', zh: '列“{column}”' },
    value: { en: 'value "{value}"', zh: '值“{value}”' },
    exportWritten: {
      en: '{target}: {rows} {name}, {columns} columns',
      zh: '{target}：{rows} 行{name}，{columns} 列',
    },
    exportAsOfFromData: {
      en: 'As of {day} (the day after the last recorded event in the data, {lastEvent}; pass --as-of to fix it)',
      zh: '截至 {day}（数据中最后一次记录事件 {lastEvent} 的次日；可用 --as-of 指定）',
    },
    exportNothing: {
      en: 'no sheet of {file} reads as a pipeline, invoices or order lines; run pipecast inspect {file}',
      zh: '{file} 中没有可读作商机清单、发票或订单明细的工作表；请运行 pipecast inspect {file}',
    },
    reportsWritten: {
      en: '{written} of {files} reports written{nothing}, {failed} failed{dated}',
      zh: '已生成 {written}/{files} 份报告{nothing}，失败 {failed} 份{dated}',
    },
    withNothing: {
      en: ', {count} of them with nothing to analyse (each page says why)',
      zh: '，其中 {count} 份无可分析的数据（报告页说明原因）',
    },
    asOfDay: { en: 'as of {day}', zh: '截至 {day}' },
    asOfDayRule: {
      en: 'as of {day}, the day after the last recorded event in the data; pass --as-of YYYY-MM-DD to fix it',
      zh: '截至 {day}，即数据中最后一次记录事件的次日；可用 --as-of YYYY-MM-DD 指定',
    },
    asOfRangeRule: {
      en: 'as of {from} to {to} per file, the day after the last recorded event in the data; pass --as-of YYYY-MM-DD to fix it',
      zh: '各文件截至 {from} 至 {to}，即各自数据中最后一次记录事件的次日；可用 --as-of YYYY-MM-DD 指定',
    },
    noAsOf: {
      en: 'no as-of date: no dated record found; pass --as-of YYYY-MM-DD',
      zh: '没有截至日期：找不到带日期的记录；请用 --as-of YYYY-MM-DD 指定',
    },
    /** `pipecast report`'s progress: a file done, a file failed, a time. */
    progressOk: {
      en: '[{done}/{total}] ok {file} ({seconds})',
      zh: '[{done}/{total}] 完成 {file}（{seconds}）',
    },
    progressError: {
      en: '[{done}/{total}] error {file}: {reason}',
      zh: '[{done}/{total}] 出错 {file}：{reason}',
    },
    seconds: { en: '{seconds} s', zh: '{seconds} 秒' },
    /** Files of a folder read together into one report. */
    combinedFrom: {
      en: '{folder}: one report from {count} files ({first} … {last}); --no-combine for one report per file',
      zh: '{folder}：{count} 个文件合并为一份报告（{first} … {last}）；如需每个文件一份报告，请用 --no-combine',
    },
    byIsNowMeasure: {
      en: '--by {word} is now --measure {word} (--by names a column to break down by; --by-column {word} names a column called {word})',
      zh: '--by {word} 已改为 --measure {word}（--by 指定用于细分的列；名为 {word} 的列请用 --by-column {word}）',
    },
    noPipeline: {
      en: 'no sheet of {file} reads as a pipeline (it needs at least a stage column, e.g. Stage / 阶段); run pipecast inspect {file}',
      zh: '{file} 中没有可读作商机清单的工作表（至少需要阶段列，如 Stage / 阶段）；请运行 pipecast inspect {file}',
    },
  },
  addin: {
    title: { en: 'Pipecast', zh: 'Pipecast' },
    language: { en: 'Language', zh: '语言' },
    source: { en: 'Source', zh: '数据来源' },
    sourceTable: { en: 'Excel table', zh: 'Excel 表格' },
    sourceSelection: { en: 'Current region of the selection', zh: '所选单元格的当前区域' },
    sourceUsedRange: { en: 'Used range of a sheet', zh: '工作表的已用区域' },
    sourceSheet: { en: 'Sheet', zh: '工作表' },
    sourceTableName: { en: 'Table', zh: '表格' },
    sourceExtra: {
      en: 'Also read sheet (payments, or a customer list)',
      zh: '同时读取工作表(收款记录或客户清单)',
    },
    inspect: { en: 'Read headers', zh: '读取表头' },
    analysis: { en: 'Analysis', zh: '分析' },
    analysisForecast: { en: 'Funnel forecast', zh: '销售漏斗预测' },
    analysisSegment: { en: 'Customer segments', zh: '客户分类' },
    analysisAging: { en: 'Receivables aging', zh: '应收账款账龄' },
    mapping: { en: 'Columns', zh: '列对应' },
    mappingField: { en: 'Field', zh: '字段' },
    mappingColumn: { en: 'Column', zh: '列' },
    mappingNone: { en: '(none)', zh: '(无)' },
    mappingRequired: { en: 'required', zh: '必填' },
    headerRowAt: { en: 'Header row {row} of {address}', zh: '表头在 {address} 的第 {row} 行' },
    parameters: { en: 'Parameters', zh: '参数' },
    asOf: { en: 'As-of date', zh: '截至日期' },
    quota: { en: 'Quota', zh: '销售指标' },
    stageTemplate: { en: 'Stage template', zh: '阶段模板' },
    stageRates: {
      en: 'Stage win rates (stage = rate, one per line; blank: the template’s)',
      zh: '各阶段赢单率(每行一个:阶段 = 比率;留空则用模板)',
    },
    buckets: { en: 'Aging buckets (days)', zh: '账龄区间(天)' },
    abcCutPoints: { en: 'ABC cut points (A, B)', zh: 'ABC 分界点(A, B)' },
    rfmMode: { en: 'RFM scores', zh: 'RFM 评分' },
    rfmQuintile: { en: 'quintiles', zh: '五分位' },
    rfmThreshold: { en: 'fixed thresholds', zh: '固定阈值' },
    segmentCurrency: {
      en: 'Currency for ABC and RFM (when the orders have several)',
      zh: 'ABC 与 RFM 的币种(订单涉及多种币种时)',
    },
    noteSegmentCurrencies: {
      en: 'ABC and RFM skipped: the orders are in {count} currencies ({currencies}), which are never added together; enter one under "Currency for ABC and RFM" (e.g. {first}) and run again',
      zh: '已跳过 ABC 与 RFM:订单涉及 {count} 种币种({currencies}),不同币种从不相加;请在“ABC 与 RFM 的币种”中填入其中一种(如 {first})后重新运行',
    },
    noteSegmentNoCurrency: {
      en: 'ABC and RFM skipped: no order in {currency} (the orders’ currencies: {currencies})',
      zh: '已跳过 ABC 与 RFM:没有 {currency} 的订单(订单币种:{currencies})',
    },
    scorecardWeights: {
      en: 'Scorecard weights (field = weight, one per line)',
      zh: '评分卡权重(每行一个:字段 = 权重)',
    },
    portfolioThresholds: {
      en: 'Portfolio thresholds (potential, share)',
      zh: '组合分界(采购潜力, 份额)',
    },
    run: { en: 'Run', zh: '运行' },
    cancel: { en: 'Cancel', zh: '取消' },
    running: { en: 'Running {step}…', zh: '正在{step}…' },
    stepRead: { en: 'reading the sheet', zh: '读取工作表' },
    stepAnalyse: { en: 'analysing', zh: '分析' },
    stepWrite: { en: 'writing the results', zh: '写入结果' },
    done: { en: 'Done: results in {sheets}.', zh: '完成:结果在 {sheets}。' },
    cancelled: { en: 'Cancelled. No sheet was changed.', zh: '已取消,未更改任何工作表。' },
    results: { en: 'Results', zh: '结果' },
    warnings: { en: 'Warnings', zh: '提示' },
    noWarnings: { en: 'No warnings.', zh: '没有提示。' },
    warningAt: { en: '{address}', zh: '{address}' },
    notesSheet: { en: 'Notes', zh: '说明' },
    errorApiSet: {
      en: 'This version of Excel lacks the ExcelApi {set} requirement set the add-in needs. Use Excel for the web, Excel 2021 or Microsoft 365.',
      zh: '此版本的 Excel 缺少加载项所需的 ExcelApi {set} 要求集。请使用 Excel 网页版、Excel 2021 或 Microsoft 365。',
    },
    errorEmptySheet: {
      en: 'The source {address} is empty: there is nothing to analyse.',
      zh: '数据来源 {address} 是空的,没有可分析的内容。',
    },
    errorNoHeader: {
      en: 'No header row found in {address}: the first rows should name the columns (e.g. Stage / 阶段, Amount / 金额).',
      zh: '在 {address} 中找不到表头行:前几行应为列名(如 阶段 / Stage、金额 / Amount)。',
    },
    errorTooLarge: {
      en: 'The source {address} has {cells} cells; the add-in reads at most {max}. Select a smaller range or use the pipecast command.',
      zh: '数据来源 {address} 有 {cells} 个单元格,加载项最多读取 {max} 个。请选择较小的区域,或使用 pipecast 命令。',
    },
    errorMissingColumns: {
      en: 'Missing required columns: {missing}. Headers found: {found}. Choose them in the column list.',
      zh: '缺少必填列:{missing}。找到的表头:{found}。请在列对应中选择。',
    },
    errorRunInProgress: {
      en: 'A run is already in progress: wait for it or cancel it first.',
      zh: '已有一次运行正在进行:请等待完成或先取消。',
    },
    errorPayload: {
      en: 'Excel refused the data even in blocks of {rows} rows (payload too large). Select a smaller range or use the pipecast command.',
      zh: '即使按每块 {rows} 行分批,Excel 仍拒绝了数据(数据量过大)。请选择较小的区域,或使用 pipecast 命令。',
    },
    errorParameter: {
      en: 'Parameter {field}: cannot read “{value}”.',
      zh: '参数 {field}:无法读取“{value}”。',
    },
    errorNoTable: {
      en: 'There is no Excel table named {name}.',
      zh: '没有名为 {name} 的 Excel 表格。',
    },
    errorNoSheet: { en: 'There is no sheet named {name}.', zh: '没有名为 {name} 的工作表。' },
    errorUnexpected: { en: 'Something went wrong: {message}', zh: '出错了:{message}' },
    outsideExcel: {
      en: 'This page is the Pipecast task pane: it runs inside Excel. To try it, sideload manifest.xml (see “Excel add-in” in the README) or run npm run addin:demo.',
      zh: '此页面是 Pipecast 任务窗格,需要在 Excel 中运行。请旁加载 manifest.xml(见 README 的“Excel add-in”一节),或运行 npm run addin:demo 试用。',
    },
    headlineOpenDeals: { en: 'Open deals', zh: '未结商机' },
    headlinePipeline: { en: 'Pipeline', zh: '管道金额' },
    headlineWeighted: { en: 'Weighted forecast', zh: '加权预测' },
    headlineRange: { en: 'P10 – P90', zh: 'P10 – P90' },
    headlineCustomers: { en: 'Customers', zh: '客户数' },
    headlineClassA: { en: 'A customers', zh: 'A 类客户' },
    headlineOpen: { en: 'Open receivables', zh: '未收余额' },
    headlineOverdue: { en: 'Overdue', zh: '逾期' },
    headlineDso: { en: 'DSO (days)', zh: 'DSO(天)' },
    sheetForecast: { en: 'Pipecast Forecast', zh: 'Pipecast 预测' },
    sheetSegments: { en: 'Pipecast Segments', zh: 'Pipecast 客户分类' },
    sheetAging: { en: 'Pipecast Aging', zh: 'Pipecast 账龄' },
    tableStages: { en: 'Stages', zh: '各阶段' },
    tableMonths: { en: 'Forecast by close month', zh: '按预计成交月份的预测' },
    tableOwners: { en: 'Owners', zh: '负责人' },
    tableHygiene: { en: 'Deals to look at', zh: '需关注的商机' },
    tableClasses: { en: 'ABC classes', zh: 'ABC 分类' },
    tableAbcCustomers: { en: 'Customers by value (ABC)', zh: '客户价值排名(ABC)' },
    tableRfmSegments: { en: 'RFM segments', zh: 'RFM 客户群' },
    tableRfmCustomers: { en: 'Customers by RFM', zh: '客户 RFM' },
    tablePortfolio: {
      en: 'Portfolio (potential × our share)',
      zh: '客户组合(采购潜力 × 我方份额)',
    },
    tableBuckets: { en: 'Aging buckets', zh: '账龄区间' },
    tableAgingCustomers: { en: 'Customers', zh: '客户' },
    tablePriority: { en: 'Collection priority', zh: '催收优先级' },
    tableNotes: { en: 'Notes', zh: '说明' },
    chartFunnel: { en: 'Pipeline by stage', zh: '各阶段管道金额' },
    chartMonths: { en: 'Weighted forecast by close month', zh: '按预计成交月份的加权预测' },
    chartPareto: { en: 'Pareto of customer value', zh: '客户价值帕累托图' },
    chartSegments: { en: 'Customers per segment', zh: '各客户群人数' },
    chartAging: { en: 'Aging by customer', zh: '客户账龄分布' },
    colStage: { en: 'Stage', zh: '阶段' },
    colRate: { en: 'Win rate', zh: '赢单率' },
    colDeals: { en: 'Deals', zh: '商机数' },
    colAmount: { en: 'Amount', zh: '金额' },
    colWeighted: { en: 'Weighted', zh: '加权金额' },
    colConversion: { en: 'Conversion', zh: '转化率' },
    colDaysInStage: { en: 'Days in stage', zh: '阶段停留天数' },
    colDays: { en: 'Days', zh: '天数' },
    colMonth: { en: 'Close month', zh: '预计成交月份' },
    colOwner: { en: 'Owner', zh: '负责人' },
    colDeal: { en: 'Deal', zh: '商机' },
    colIssue: { en: 'Issue', zh: '问题' },
    colClass: { en: 'Class', zh: '类别' },
    colCustomers: { en: 'Customers', zh: '客户数' },
    colCustomerShare: { en: 'Customer share', zh: '客户占比' },
    colValue: { en: 'Value', zh: '价值' },
    colValueShare: { en: 'Value share', zh: '价值占比' },
    colRank: { en: 'Rank', zh: '排名' },
    colCustomer: { en: 'Customer', zh: '客户' },
    colShare: { en: 'Share', zh: '占比' },
    colCumulativeShare: { en: 'Cumulative share', zh: '累计占比' },
    colSegment: { en: 'Segment', zh: '客户群' },
    colRecency: { en: 'Recency (days)', zh: '最近购买(天)' },
    colFrequency: { en: 'Frequency', zh: '频次' },
    colMonetary: { en: 'Monetary', zh: '金额' },
    colPotential: { en: 'Purchase potential', zh: '采购潜力' },
    colOurShare: { en: 'Our share', zh: '我方份额' },
    colZone: { en: 'Zone', zh: '分区' },
    colCurrency: { en: 'Currency', zh: '币种' },
    colBucket: { en: 'Bucket', zh: '区间' },
    colItems: { en: 'Items', zh: '笔数' },
    colOpen: { en: 'Open', zh: '未收' },
    colOverdue: { en: 'Overdue', zh: '逾期' },
    colNotYetDue: { en: 'Not yet due', zh: '未到期' },
    colCredits: { en: 'Credits', zh: '贷项' },
    colUnapplied: { en: 'Unapplied', zh: '未核销' },
    colMaxDaysPastDue: { en: 'Max days past due', zh: '最长逾期天数' },
    colDisputed: { en: 'Disputed', zh: '有争议' },
    colTotal: { en: 'Total', zh: '合计' },
    colType: { en: 'Type', zh: '类型' },
    colSheet: { en: 'Sheet', zh: '工作表' },
    colAddress: { en: 'Cell', zh: '单元格' },
    colMessage: { en: 'Message', zh: '说明' },
    colAction: { en: 'Action', zh: '处理' },
    issuePastClose: { en: 'close date passed', zh: '已过预计成交日' },
    issueStuck: { en: 'stuck in stage', zh: '阶段停滞' },
    issueNoActivity: { en: 'no recent activity', zh: '近期无跟进' },
    moreRows: { en: '… and {count} more', zh: '…… 另有 {count} 条' },
    tableScorecard: { en: 'Scorecard', zh: '客户评分卡' },
    colScore: { en: 'Score', zh: '得分' },
    colTier: { en: 'Tier', zh: '等级' },
    breakdownBy: { en: 'Break down by', zh: '按列细分' },
    breakdownNone: {
      en: 'Read the headers first: the columns of the source are listed here.',
      zh: '请先读取表头：数据来源的各列会列在这里。',
    },
    tableBreakdown: { en: 'By {column}', zh: '按「{column}」' },
    chartBreakdown: { en: 'Weighted forecast by {column}', zh: '按「{column}」的加权预测' },
    chartAgingBreakdown: { en: 'Open balance by {column}', zh: '按「{column}」的未收余额' },
    blankKey: { en: '(blank)', zh: '(空白)' },
    breakdownNotMade: {
      en: 'No breakdown by {column}: {reason}',
      zh: '未按「{column}」细分：{reason}',
    },
    asOfBlank: {
      en: 'Blank: the data’s own day, the day after its last recorded event.',
      zh: '留空：使用数据自身的日期，即最后一次记录事件的次日。',
    },
    asOfFromData: {
      en: 'As-of date {day}: the day after the last recorded event in the data ({lastEvent}).',
      zh: '截至日期 {day}：数据中最后一次记录事件（{lastEvent}）的次日。',
    },
    asOfGiven: {
      en: 'As-of date {day}, as set in the parameters.',
      zh: '截至日期 {day}，按参数中的设置。',
    },
    noteAsOf: { en: 'as-of date', zh: '截至日期' },
    chartMonthsBand: {
      en: 'Weighted forecast by close month, P10–P90',
      zh: '按预计成交月份的加权预测 (P10–P90)',
    },
    monthRangesSkipped: {
      en: 'P10–P90 per close month not worked out for {rows} rows (the pane does it up to {max}: one simulation per month); pipecast report works them out.',
      zh: '数据有 {rows} 行，未计算各月的 P10–P90（加载项最多计算 {max} 行：每月一次模拟）；pipecast report 会计算。',
    },
  },
  /**
   * Data warnings (core's DataWarning.text): one entry per kind of warning, its `{name}`
   * parameters filled from the warning's params. The English is the warning's `message`.
   */
  warning: {
    joinKeyUnmatched: {
      en: '{key} of {count} deals not found in {sheet}; their {sheet} columns are left blank',
      zh: '{count} 个商机的{key}在 {sheet} 中找不到；其 {sheet} 列留空',
    },
    joinKeyLoose: {
      en: "{key} '{typed}' matched '{listed}' of {sheet} (case, spaces and punctuation ignored)",
      zh: '{key}“{typed}”匹配到 {sheet} 中的“{listed}”（忽略大小写、空格和标点）',
    },
    valuedAtListPrice: {
      en: "{count} open deals have no {column}: valued at their product's list price ({sheet}, {price}), marked '{basis}' in {basisColumn}",
      zh: '{count} 个在途商机没有{column}：按产品目录价估值（{sheet}，{price}），在 {basisColumn} 列标为“{basis}”',
    },
    invalidUtf8Line: {
      en: 'Line {line} is not valid UTF-8 (byte 0x{byte}) while the rest of the file is; it was read as UTF-8 with � for the bad bytes: save the file as UTF-8, or name its encoding with --encoding (e.g. --encoding windows-1252 if it is all Western European)',
      zh: '第 {line} 行不是有效的 UTF-8（字节 0x{byte}），而文件其余部分是；已按 UTF-8 读取，错误字节显示为 �：请将文件另存为 UTF-8，或用 --encoding 指定编码（如全是西欧文字可用 --encoding windows-1252）',
    },
    invalidInNamedEncoding: {
      en: 'Line {line} is not valid {encoding} (the encoding given with --encoding); the bad bytes read as �: save the file as UTF-8, or name its real encoding',
      zh: '第 {line} 行不是有效的 {encoding}（--encoding 指定的编码）；错误字节显示为 �：请将文件另存为 UTF-8，或指定其实际编码',
    },
    readAsWindows1252: {
      en: 'The file is not UTF-8 (first at line {line}, byte 0x{byte}); it was read as Windows-1252 (Western European, e.g. "Müller"): if names look wrong, save the file as UTF-8, or name its encoding with --encoding (e.g. --encoding gb18030 for Chinese)',
      zh: '文件不是 UTF-8（首次出现在第 {line} 行，字节 0x{byte}）；已按 Windows-1252（西欧文字，如“Müller”）读取：如名称显示错误，请将文件另存为 UTF-8，或用 --encoding 指定编码（中文可用 --encoding gb18030）',
    },
    moreLikeThis: {
      en: '… and {count} more like this: {summary}',
      zh: '…… 另有 {count} 条同类警告：{summary}',
    },
    kindInColumn: {
      en: '"{code}" in column {column} ({action})',
      zh: '列 {column} 中的“{code}”类警告（{action}）',
    },
    kindAnywhere: { en: '"{code}" ({action})', zh: '“{code}”类警告（{action}）' },
    noHeaderRow: {
      en: 'No header row for {kind} records in the first rows: no row names enough known columns.',
      zh: '前几行中找不到{kind}数据的表头行：没有一行包含足够多的已知列名。',
    },
    ambiguousColumn: {
      en: 'Several columns could be {field}: used "{chosen}" ({column}), not {others}.',
      zh: '有多列可作为{field}：使用了“{chosen}”（{column} 列），未使用 {others}。',
    },
    missingRequiredColumn: {
      en: 'No column for {fields}, which {kind} records need; map it to read this sheet.',
      zh: '没有{fields}列，而{kind}数据需要该列；请用 --config 映射该列后再读取此工作表。',
    },
    requiredBlank: {
      en: '{column} is blank; the row is left out.',
      zh: '{column} 为空；已删除该行。',
    },
    unreadableRequired: {
      en: '{column}: {reason}; the row is left out.',
      zh: '{column}：{reason}；已删除该行。',
    },
    unreadableOptional: {
      en: '{column}: {reason}; the value is ignored.',
      zh: '{column}：{reason}；已忽略该值。',
    },
    noAmount: {
      en: 'No amount, and no quantity with a unit price to compute it; the row is left out.',
      zh: '没有金额，也没有可用来计算金额的数量和单价；已删除该行。',
    },
    inspectNoHeaderRow: {
      en: 'No row in the first {rows} names enough known columns of any record kind; name the kind to read it as one.',
      zh: '前 {rows} 行中没有一行包含足够多的已知列名；请指定数据类型后再按该类型读取。',
    },
    receivablesSheetSkipped: {
      en: 'sheet skipped: its headers fit neither invoices (missing {invoiceMissing}) nor payments (missing {paymentMissing})',
      zh: '已跳过该工作表：表头既不符合发票（缺少{invoiceMissing}），也不符合回款（缺少{paymentMissing}）',
    },
    aHeaderRow: { en: 'a header row', zh: '表头行' },
    invalidUtf8WithBom: {
      en: 'Line {line} is not valid UTF-8 although its byte-order mark says UTF-8; it was read as UTF-8 with � for the bad bytes: save the file as UTF-8, or name its encoding with --encoding',
      zh: '第 {line} 行不是有效的 UTF-8，尽管文件的字节顺序标记（BOM）表明是 UTF-8；已按 UTF-8 读取，无效字节显示为 �：请将文件另存为 UTF-8，或用 --encoding 指定其编码',
    },
    invalidUtf8AsNamed: {
      en: 'Line {line} is not valid UTF-8 although --encoding says UTF-8; it was read as UTF-8 with � for the bad bytes: save the file as UTF-8, or name its encoding with --encoding',
      zh: '第 {line} 行不是有效的 UTF-8，尽管 --encoding 指定为 UTF-8；已按 UTF-8 读取，无效字节显示为 �：请将文件另存为 UTF-8，或用 --encoding 指定其编码',
    },
    blankCells: {
      en: '{count} blank {field} cell(s) (first rows {rows})',
      zh: '{count} 个{field}单元格为空（首行 {rows}）',
    },
    probabilityOutOfRange: {
      en: 'Probability {probability} is outside 0–100%; the stage rate is used instead',
      zh: '成交概率 {probability} 超出 0–100%；改用该阶段的赢率',
    },
    staleOpenWon: {
      en: "Status is open but the stage '{stage}' is closed; counted as won, as the stage says",
      zh: '状态为进行中，但阶段“{stage}”已关闭；按阶段计为赢单',
    },
    staleOpenLost: {
      en: "Status is open but the stage '{stage}' is closed; counted as lost, as the stage says",
      zh: '状态为进行中，但阶段“{stage}”已关闭；按阶段计为输单',
    },
    unknownStage: {
      en: 'Stage "{stage}" ({count} deal(s)) is not in template {template}; the open ones are counted in the "Unknown stage" row and the totals, weighted only by their own probability (0 without one): choose a template that has the stage (--template) or correct the name',
      zh: '阶段“{stage}”（{count} 个商机）不在模板 {template} 中；其中的在途商机计入“未知阶段”行和合计，只按各自的成交概率加权（没有则为 0）：请选择包含该阶段的模板（--template）或更正阶段名称',
    },
    unknownHistoryStage: {
      en: 'Stage history names stage "{stage}" {count} time(s), which is not in template {template}; those changes are ignored',
      zh: '阶段变更记录中 {count} 次出现阶段“{stage}”，该阶段不在模板 {template} 中；这些变更已忽略',
    },
    orphanStageChanges: {
      en: '{count} stage change(s) name a deal id that is not in the pipeline; they are ignored',
      zh: '{count} 条阶段变更记录的商机编号不在商机清单中；已忽略',
    },
    missingDeal_amount: {
      en: '{count} open deal(s) have no amount (first row {row}): counted in deal counts; adds nothing to amounts or weighted sums',
      zh: '{count} 个在途商机没有金额（首行 {row}）：计入商机数，不计入金额和加权金额',
    },
    missingDeal_closeDate: {
      en: "{count} open deal(s) have no closeDate (first row {row}): shown under close month '(no date)'; not checked for past close date",
      zh: '{count} 个在途商机没有预计成交日期（首行 {row}）：归入“（无日期）”月份；不检查是否已过预计成交日',
    },
    missingDeal_account: {
      en: '{count} deal(s) have no account (first row {row}): none: the forecast does not need the account',
      zh: '{count} 个商机没有客户（首行 {row}）：无需处理，预测不需要客户',
    },
    missingDeal_owner: {
      en: "{count} deal(s) have no owner (first row {row}): grouped under owner '(none)'",
      zh: '{count} 个商机没有负责人（首行 {row}）：归入负责人“(none)”',
    },
    missingDeal_createdDate: {
      en: '{count} deal(s) have no createdDate (first row {row}): left out of sales-cycle averages',
      zh: '{count} 个商机没有创建日期（首行 {row}）：不计入平均销售周期',
    },
    stageWithoutRate: {
      en: 'Stage "{stage}" has no win rate (the template gives none and no closed deals teach one); its deals add to weighted sums only through their own probability',
      zh: '阶段“{stage}”没有赢率（模板未给出，也没有已关闭的商机可供学习）；其商机只按各自的成交概率计入加权金额',
    },
    createdAfterAsOf: {
      en: '{count} deal(s) were created after the as-of date {asOf} (the earliest on {first}; first row {row}): kept in the forecast; is the as-of date right?',
      zh: '{count} 个商机的创建日期晚于截至日 {asOf}（最早 {first}；首行 {row}）：仍计入预测；请确认截至日是否正确',
    },
    lostWithoutStage: {
      en: '{count} lost deal(s) do not say at which stage they were lost; for learned win rates they count as having reached every stage',
      zh: '{count} 个输单商机未注明在哪个阶段丢单；学习赢率时视为到达过每个阶段',
    },
    duplicateDealEarlier: {
      en: 'Deal id "{id}" appears again in the earlier snapshot; the first row is used',
      zh: '商机编号“{id}”在上期快照中重复出现；使用第一行',
    },
    duplicateDealLater: {
      en: 'Deal id "{id}" appears again in the later snapshot; the first row is used',
      zh: '商机编号“{id}”在本期快照中重复出现；使用第一行',
    },
    unqualifiedDemoted: {
      en: '{count} unqualified deal(s) (need, authority, budget or timeline not met) were moved from Commit to Best case',
      zh: '{count} 个不合格商机（需求、决策权、预算或时间计划未满足）已从“承诺”移到“最佳情况”',
    },
    unrecognisedCategory: {
      en: 'Forecast category "{category}" is not one of Pipeline, Best case, Commit, Omitted (an open deal cannot be Closed); the stage default is used',
      zh: '预测类别“{category}”不是 Pipeline（渠道）、Best case（最佳情况）、Commit（承诺）、Omitted（排除）之一（在途商机不能是 Closed）；改用该阶段的默认类别',
    },
    portfolioNoPotential: {
      en: "customer '{id}' has no purchase potential; not placed in the portfolio",
      zh: '客户“{id}”没有采购潜力；未放入攻守组合',
    },
    portfolioNegativePotential: {
      en: "customer '{id}' has a negative potential ({potential}); not placed in the portfolio",
      zh: '客户“{id}”的采购潜力为负（{potential}）；未放入攻守组合',
    },
    portfolioNoShare: {
      en: "customer '{id}' has no share; not placed in the portfolio",
      zh: '客户“{id}”没有客户份额；未放入攻守组合',
    },
    portfolioShareOutOfRange: {
      en: "customer '{id}' has a share outside 0–100% ({share}); not placed in the portfolio",
      zh: '客户“{id}”的客户份额超出 0–100%（{share}）；未放入攻守组合',
    },
    abcNoValue: {
      en: "customer '{id}' has no {by}; classed C",
      zh: '客户“{id}”没有{by}；归为 C 类',
    },
    abcDuplicate: {
      en: "customer '{id}' appears more than once; its {by} values are added up",
      zh: '客户“{id}”出现多次；其{by}已相加',
    },
    scorecardOutOfRange: {
      en: "'{id}': {criterion} score {value} is outside 1–100; scored 1",
      zh: '“{id}”：{criterion} 得分 {value} 超出 1–100；按 1 分计',
    },
    scorecardBlank: {
      en: "'{id}': {criterion} is blank or not a number; scored 1",
      zh: '“{id}”：{criterion} 为空或不是数字；按 1 分计',
    },
    linesWithoutCustomer: {
      en: "{count} order lines have no customer id (net amount {amount}); they are in the line counts but in no customer's figures. If they are sales to known customers, fill in the customer id column of the export",
      zh: '{count} 条订单明细没有客户编号（净额 {amount}）；计入明细行数，但不计入任何客户的数据。如果是已知客户的销售，请在导出文件中填写客户编号列',
    },
    linesOutsidePeriod: {
      en: '{count} order lines are dated outside {from} to {to} and were left out',
      zh: '{count} 条订单明细的日期不在 {from} 至 {to} 之间，已排除',
    },
    returnsOnly: {
      en: '{count} customers have only returns or cancellations and no order; they are listed separately',
      zh: '{count} 个客户只有退货或取消、没有订单；单独列出',
    },
    previousPeriod: { en: 'previous period: {warning}', zh: '上期：{warning}' },
    currentPeriod: { en: 'current period: {warning}', zh: '本期：{warning}' },
    lifecycleTarget: {
      en: "customer '{id}' has target {target}; no completion computed",
      zh: '客户“{id}”的销售目标为 {target}；不计算计划完成率',
    },
    dsoCountbackNotCovered: {
      en: 'DSO countback: all sales up to as-of do not cover the open AR; countback left empty',
      zh: '应收周转天数（倒推法）：截至日前的全部销售额不足以覆盖未收应收账款；倒推法结果留空',
    },
    dsoCountbackNotCoveredIn: {
      en: 'DSO countback ({section}): all sales up to as-of do not cover the open AR; countback left empty',
      zh: '应收周转天数（倒推法，{section}）：截至日前的全部销售额不足以覆盖未收应收账款；倒推法结果留空',
    },
    invoiceNoDate: {
      en: 'invoice {invoice} has no readable invoice date',
      zh: '发票 {invoice} 没有可读的开票日期',
    },
    invoiceNoAmount: {
      en: 'invoice {invoice} has no readable amount',
      zh: '发票 {invoice} 没有可读的金额',
    },
    invoiceNoNumber: {
      en: 'invoice without an invoice number: aged, but no payment can be applied to it',
      zh: '发票没有发票号：已计入账龄，但无法核销任何回款',
    },
    invoiceRepeated: {
      en: 'invoice number {invoice} appears again (first at row {row}): both aged, payments go to the first',
      zh: '发票号 {invoice} 重复出现（首次在第 {row} 行）：两张都计入账龄，回款核销到第一张',
    },
    dueBeforeInvoice: {
      en: 'invoice {invoice}: due date {due} is before the invoice date {date}',
      zh: '发票 {invoice}：到期日 {due} 早于开票日期 {date}',
    },
    termsUnreadable: {
      en: 'invoice {invoice}: {reason}; aged from the invoice date',
      zh: '发票 {invoice}：{reason}；从开票日期起计账龄',
    },
    noDueDate: {
      en: 'invoice {invoice}: no due date and no payment terms; due on the invoice date',
      zh: '发票 {invoice}：没有到期日也没有账期；按开票日期到期',
    },
    invoiceNoCustomer: {
      en: 'invoice {invoice}: no customer; listed under {unknown}',
      zh: '发票 {invoice}：没有客户；归入 {unknown}',
    },
    noRate: {
      en: 'no exchange rate for {currency}: kept in its own section, not added to {base}',
      zh: '没有 {currency} 的汇率：单独列示，不折算计入 {base}',
    },
    noRateBlank: {
      en: 'no exchange rate for a blank currency: kept in its own section, not added to {base}',
      zh: '空白币种没有汇率：单独列示，不折算计入 {base}',
    },
    doublePaymentInfo: {
      en: 'invoice row has a paid date/amount and the payments list has payments for it: the payments list is used',
      zh: '发票行有回款日期/金额，回款清单中也有该发票的回款：以回款清单为准',
    },
    undatedPayment: {
      en: 'invoice {invoice}: paid amount or balance without a paid date, counted as paid by the as-of date',
      zh: '发票 {invoice}：有已收金额或余额但没有回款日期，视为截至日前已回款',
    },
    paymentNoDate: { en: 'payment without a readable date', zh: '回款没有可读的日期' },
    paymentNoAmount: { en: 'payment without a readable amount', zh: '回款没有可读的金额' },
    paymentCurrency: {
      en: 'payment for invoice {invoice} is in {paymentCurrency}, the invoice in {invoiceCurrency}: shown as unapplied in {unappliedCurrency}',
      zh: '发票 {invoice} 的回款币种为 {paymentCurrency}，发票币种为 {invoiceCurrency}：按 {unappliedCurrency} 列为未核销回款',
    },
    noCurrency: { en: 'no currency', zh: '无币种' },
    unknownInvoice: {
      en: 'payment refers to invoice {invoice}, which is not in the invoices: shown as unapplied',
      zh: '回款对应的发票 {invoice} 不在发票清单中：列为未核销回款',
    },
    summaryInvoiceNoDate: {
      en: 'invoices without a readable invoice date',
      zh: '没有可读开票日期的发票',
    },
    summaryInvoiceNoAmount: { en: 'invoices without a readable amount', zh: '没有可读金额的发票' },
    summaryInvoiceNoNumber: { en: 'invoices without an invoice number', zh: '没有发票号的发票' },
    summaryInvoiceRepeated: { en: 'repeated invoice numbers', zh: '重复的发票号' },
    summaryDueBeforeInvoice: {
      en: 'due dates before the invoice date',
      zh: '到期日早于开票日期',
    },
    summaryTerms: {
      en: 'unrecognised payment terms, aged from the invoice date',
      zh: '无法识别的账期，从开票日期起计账龄',
    },
    summaryNoDueDate: {
      en: 'invoices without due date or terms, due on the invoice date',
      zh: '没有到期日和账期的发票，按开票日期到期',
    },
    summaryInvoiceNoCustomer: {
      en: 'invoices without a customer, listed under {unknown}',
      zh: '没有客户的发票，归入 {unknown}',
    },
    summaryCountback: { en: 'countback not covered', zh: '倒推法无法覆盖' },
    summaryNoRate: { en: 'currencies without a rate', zh: '没有汇率的币种' },
    summaryDoublePaymentInfo: {
      en: 'invoice-level paid information ignored in favour of the payments list',
      zh: '发票行的回款信息被忽略，以回款清单为准',
    },
    summaryUndatedPayment: {
      en: 'paid amounts or balances without a paid date, counted as paid by as-of',
      zh: '没有回款日期的已收金额或余额，视为截至日前已回款',
    },
    summaryPaymentNoDate: { en: 'payments without a readable date', zh: '没有可读日期的回款' },
    summaryPaymentNoAmount: {
      en: 'payments without a readable amount',
      zh: '没有可读金额的回款',
    },
    summaryPaymentCurrency: {
      en: 'payments in another currency than their invoice, shown as unapplied',
      zh: '回款币种与发票不同，列为未核销回款',
    },
    summaryUnknownInvoice: {
      en: 'payments for unknown invoices, shown as unapplied',
      zh: '对应发票不存在的回款，列为未核销回款',
    },
  },
  /**
   * The record kinds and data fields a warning names, each under the key core uses for it. The
   * English is that key as the warnings always said it (e.g. 'closeDate').
   */
  term: {
    kind_deal: { en: 'deal', zh: '商机' },
    kind_stageChange: { en: 'stageChange', zh: '阶段变更' },
    kind_orderLine: { en: 'orderLine', zh: '订单明细' },
    kind_customer: { en: 'customer', zh: '客户' },
    kind_invoice: { en: 'invoice', zh: '发票' },
    kind_payment: { en: 'payment', zh: '回款' },
    field_account: { en: 'account', zh: '客户' },
    field_amount: { en: 'amount', zh: '金额' },
    field_authority: { en: 'authority', zh: '决策权' },
    field_balance: { en: 'balance', zh: '余额' },
    field_budget: { en: 'budget', zh: '预算' },
    field_closeDate: { en: 'closeDate', zh: '预计成交日期' },
    field_createdDate: { en: 'createdDate', zh: '创建日期' },
    field_creditLimit: { en: 'creditLimit', zh: '信用额度' },
    field_currency: { en: 'currency', zh: '币种' },
    field_customer: { en: 'customer', zh: '客户' },
    field_date: { en: 'date', zh: '日期' },
    field_dealId: { en: 'dealId', zh: '商机编号' },
    field_disputed: { en: 'disputed', zh: '争议' },
    field_dueDate: { en: 'dueDate', zh: '到期日' },
    field_forecastCategory: { en: 'forecastCategory', zh: '预测类别' },
    field_id: { en: 'id', zh: '编号' },
    field_industry: { en: 'industry', zh: '行业' },
    field_invoice: { en: 'invoice', zh: '发票号' },
    field_invoiceDate: { en: 'invoiceDate', zh: '开票日期' },
    field_lastActivityDate: { en: 'lastActivityDate', zh: '最近跟进日期' },
    field_margin: { en: 'margin', zh: '毛利' },
    field_name: { en: 'name', zh: '名称' },
    field_need: { en: 'need', zh: '需求' },
    field_owner: { en: 'owner', zh: '负责人' },
    field_paidAmount: { en: 'paidAmount', zh: '已收金额' },
    field_paidDate: { en: 'paidDate', zh: '回款日期' },
    field_potential: { en: 'potential', zh: '采购潜力' },
    field_probability: { en: 'probability', zh: '成交概率' },
    field_product: { en: 'product', zh: '产品' },
    field_quantity: { en: 'quantity', zh: '数量' },
    field_region: { en: 'region', zh: '区域' },
    field_revenue: { en: 'revenue', zh: '收入' },
    field_share: { en: 'share', zh: '客户份额' },
    field_source: { en: 'source', zh: '来源' },
    field_stage: { en: 'stage', zh: '阶段' },
    field_stageEnteredDate: { en: 'stageEnteredDate', zh: '进入阶段日期' },
    field_status: { en: 'status', zh: '状态' },
    field_target: { en: 'target', zh: '销售目标' },
    field_terms: { en: 'terms', zh: '账期' },
    field_timeline: { en: 'timeline', zh: '时间计划' },
    field_unitPrice: { en: 'unitPrice', zh: '单价' },
  },
  /**
   * Why a cell could not be read (the parsers' reasons), keyed by their English text, so a
   * warning naming one can be shown in either language. Reasons with a value in them are
   * matched by pattern (core/text/coded-text.ts).
   */
  reason: {
    'TRUE/FALSE is not a date': { en: 'TRUE/FALSE is not a date', zh: 'TRUE/FALSE 不是日期' },
    'TRUE/FALSE is not a deal status': {
      en: 'TRUE/FALSE is not a deal status',
      zh: 'TRUE/FALSE 不是商机状态',
    },
    'TRUE/FALSE is not a number': { en: 'TRUE/FALSE is not a number', zh: 'TRUE/FALSE 不是数字' },
    'TRUE/FALSE is not an id': { en: 'TRUE/FALSE is not an id', zh: 'TRUE/FALSE 不是编号' },
    'a date is not a deal status': { en: 'a date is not a deal status', zh: '日期不是商机状态' },
    'a date is not a number': { en: 'a date is not a number', zh: '日期不是数字' },
    'a date is not yes/no': { en: 'a date is not yes/no', zh: '日期不是“是/否”' },
    'a negative serial is not a date in the 1904 date system': {
      en: 'a negative serial is not a date in the 1904 date system',
      zh: '负的序列号在 1904 日期系统中不是日期',
    },
    'a number is not a deal status': {
      en: 'a number is not a deal status',
      zh: '数字不是商机状态',
    },
    'a number stored as text; an Excel serial date must be a number cell': {
      en: 'a number stored as text; an Excel serial date must be a number cell',
      zh: '以文本存储的数字；Excel 日期序列号必须是数字单元格',
    },
    'a single comma with other than 3 digits after it is ambiguous': {
      en: 'a single comma with other than 3 digits after it is ambiguous',
      zh: '只有一个逗号且其后不是 3 位数字，无法确定含义',
    },
    'both parentheses and a sign: which one means negative?': {
      en: 'both parentheses and a sign: which one means negative?',
      zh: '同时有括号和正负号，无法确定是否为负数',
    },
    'invalid Date': { en: 'invalid Date', zh: '无效日期' },
    'more than one decimal separator': {
      en: 'more than one decimal separator',
      zh: '有多个小数点',
    },
    'no digits': { en: 'no digits', zh: '没有数字' },
    'not a deal status (expected open, won or lost, or 进行中, 赢单, 丢单 …)': {
      en: 'not a deal status (expected open, won or lost, or 进行中, 赢单, 丢单 …)',
      zh: '不是商机状态（应为 进行中、赢单、丢单 或 open、won、lost 等）',
    },
    'number too large': { en: 'number too large', zh: '数字太大' },
    'separator inside the decimals': {
      en: 'separator inside the decimals',
      zh: '小数部分中有分隔符',
    },
    'text is not a date (expected e.g. 2024-03-05, 3/5/2024 or 2024年3月5日)': {
      en: 'text is not a date (expected e.g. 2024-03-05, 3/5/2024 or 2024年3月5日)',
      zh: '文本不是日期（应为 2024-03-05、3/5/2024 或 2024年3月5日 等）',
    },
    'text is not a number': { en: 'text is not a number', zh: '文本不是数字' },
    'text is not yes/no': { en: 'text is not yes/no', zh: '文本不是“是/否”' },
    'thousands separators in the wrong places': {
      en: 'thousands separators in the wrong places',
      zh: '千位分隔符位置不对',
    },
    'unbalanced parenthesis': { en: 'unbalanced parenthesis', zh: '括号不成对' },
    'unsupported cell value': { en: 'unsupported cell value', zh: '不支持的单元格值' },
    'serial 60 is 1900-02-29, a day that does not exist (Excel keeps it for Lotus 1-2-3)': {
      en: 'serial 60 is 1900-02-29, a day that does not exist (Excel keeps it for Lotus 1-2-3)',
      zh: '序列号 60 是 1900-02-29，这一天并不存在（Excel 为兼容 Lotus 1-2-3 而保留）',
    },
    excelError: { en: 'Excel error {code}', zh: 'Excel 错误 {code}' },
    notANumber: { en: '{value} is not a number', zh: '{value} 不是数字' },
    notOneOrZero: { en: '{value} is not 1 or 0', zh: '{value} 不是 1 或 0' },
    termsNotRecognised: {
      en: "payment terms '{terms}' not recognised",
      zh: '无法识别账期“{terms}”',
    },
  },
  /**
   * Errors (PipecastError.text, the CLI's usage errors): the words around a place, the Chinese
   * lead-in of an error without a key of its own (by its code), and the messages of the errors a
   * user meets from files, flags and config files. The English is the error's `message`.
   */
  error: {
    placeSheet: { en: 'sheet {sheet}', zh: '工作表 {sheet}' },
    placeRow: { en: 'row {row}', zh: '第 {row} 行' },
    placeColumn: { en: 'column {column}', zh: '列 {column}' },
    /**
     * An error without a key of its own: in Chinese a lead-in saying what kind of error it is
     * (by its code) before the English detail; in English the detail as it is.
     */
    'detail_invalid-option': { en: '{detail}', zh: '选项或参数无效：{detail}' },
    'detail_invalid-input': { en: '{detail}', zh: '输入数据无效：{detail}' },
    'detail_unknown-field': { en: '{detail}', zh: '未知字段：{detail}' },
    'detail_missing-column': { en: '{detail}', zh: '缺少列：{detail}' },
    'detail_empty-input': { en: '{detail}', zh: '没有可用的数据：{detail}' },
    'detail_too-large': { en: '{detail}', zh: '数据量超出限制：{detail}' },
    'detail_malformed-csv': { en: '{detail}', zh: 'CSV 格式错误：{detail}' },
    'detail_unreadable-file': { en: '{detail}', zh: '无法读取文件：{detail}' },
    detail_usage: { en: '{detail}', zh: '命令用法有误：{detail}' },
    detail_stopped: { en: '{detail}', zh: '已停止：{detail}' },
    /** An error in a file that names it first (config files). */
    inFile: { en: '{file}: {text}', zh: '{file}：{text}' },
    // Files that cannot be read.
    fileNotFound: { en: 'file not found', zh: '找不到文件' },
    pathNotFound: { en: 'file or folder not found', zh: '找不到文件或文件夹' },
    isFolder: { en: 'is a folder, not a file', zh: '这是文件夹，不是文件' },
    permissionDenied: { en: 'permission denied', zh: '没有读取权限' },
    fileLocked: {
      en: 'file is locked by another program (close it in Excel and retry)',
      zh: '文件被其他程序占用（请在 Excel 中关闭后重试）',
    },
    cannotReadFile: { en: 'cannot read the file ({detail})', zh: '无法读取文件（{detail}）' },
    unsupportedFileType: {
      en: "unsupported file type '{extension}' (expected {known}; save .xls files as .xlsx)",
      zh: '不支持的文件类型“{extension}”（应为 {known}；.xls 文件请另存为 .xlsx）',
    },
    noExtension: { en: '(none)', zh: '（无扩展名）' },
    oldXls: {
      en: 'this is an old .xls or a password-protected workbook; open it in Excel and save it as an unprotected .xlsx',
      zh: '这是旧版 .xls 或受密码保护的工作簿；请在 Excel 中打开并另存为未加密的 .xlsx',
    },
    oldXlsNamed: {
      en: 'this is an old .xls or a password-protected workbook named {extension}; open it in Excel and save it as an unprotected .xlsx',
      zh: '这是以 {extension} 命名的旧版 .xls 或受密码保护的工作簿；请在 Excel 中打开并另存为未加密的 .xlsx',
    },
    textNamedWorkbook: {
      en: 'looks like a CSV/text file, not {extension}: rename it to .csv',
      zh: '这看起来是 CSV/文本文件，不是 {extension}：请改名为 .csv',
    },
    workbookNamedText: {
      en: 'this is an Excel workbook (.xlsx) named {extension}: rename it to .xlsx',
      zh: '这是以 {extension} 命名的 Excel 工作簿（.xlsx）：请改名为 .xlsx',
    },
    notZip: {
      en: 'not a valid .xlsx file: it is not a zip archive or is damaged ({detail})',
      zh: '不是有效的 .xlsx 文件：不是 zip 压缩包或已损坏（{detail}）',
    },
    damagedZip: {
      en: 'damaged .xlsx (zip) file: {detail}',
      zh: '.xlsx（zip）文件已损坏：{detail}',
    },
    noWorksheets: {
      en: 'no worksheets found (is it really an Excel workbook?)',
      zh: '找不到工作表（这确实是 Excel 工作簿吗？）',
    },
    noWorkbookPart: {
      en: 'no workbook part found (is it really an .xlsx file?)',
      zh: '找不到工作簿部件（这确实是 .xlsx 文件吗？）',
    },
    noSheetNamed: {
      en: "no sheet named '{name}' (sheets: {sheets})",
      zh: '没有名为“{name}”的工作表（现有工作表：{sheets}）',
    },
    folderHoldsNothing: {
      en: 'the folder holds no file pipecast reads ({extensions})',
      zh: '文件夹中没有 pipecast 能读取的文件（{extensions}）',
    },
    folderNoSheetNamed: {
      en: "no file in the folder has a sheet named '{name}'",
      zh: '文件夹中没有任何文件含有名为“{name}”的工作表',
    },
    fileChanged: {
      en: 'the file changed while it was being read; run again',
      zh: '读取过程中文件被修改；请重新运行',
    },
    malformedCsv: { en: 'malformed CSV: {detail}', zh: 'CSV 格式错误：{detail}' },
    quoteNeverClosed: {
      en: 'a quoted field opened on line {line} is never closed (column {column})',
      zh: '第 {line} 行开始的带引号字段没有结束引号（列 {column}）',
    },
    unknownEncoding: {
      en: "--encoding: unknown encoding '{name}' (use e.g. utf-8, gb18030, windows-1252, latin1)",
      zh: '--encoding：未知编码“{name}”（可用 utf-8、gb18030、windows-1252、latin1 等）',
    },
    // Data that cannot be analysed.
    mappingMissingColumn: {
      en: "matchColumns: mapping for '{field}' names column '{column}', which the header row does not have",
      zh: '列映射：字段“{field}”映射到列“{column}”，但表头行中没有这一列',
    },
    noColumnToBreakDown: {
      en: 'no column "{column}" to break down by (columns: {columns})',
      zh: '没有可用于细分的列“{column}”（现有列：{columns}）',
    },
    breakdownColumnAmbiguous: {
      en: 'no column is headed "{column}", and it could mean any of {columns}: name one by its header or column letter',
      zh: '没有名为“{column}”的列，它可能指以下任一列：{columns}；请用列名或列字母指定其中一列',
    },
    noCustomerColumnToBreakDown: {
      en: 'no customer column "{column}" to break down by (columns: {columns}; the columns each customer\'s figures are summed from are not among them)',
      zh: '没有可用于细分的客户列“{column}”（现有列：{columns}；各客户数字所汇总的明细列不在其中）',
    },
    forecastNoAsOf: {
      en: 'forecast: no as-of date given and no deal has a dated event (closed deal, activity, stage change); give asOf',
      zh: '没有截至日期：没有任何商机带有日期记录（已关闭商机、跟进活动、阶段变更）；请指定截至日期（--as-of）',
    },
    agingNoAsOf: {
      en: 'ageReceivables: no as-of date given and no invoice or payment has a date; give asOf',
      zh: '没有截至日期：没有任何发票或回款带有日期；请指定截至日期（--as-of）',
    },
    segmentCurrencies: {
      en: '{analysis}: the orders are in {count} currencies ({currencies}), which are never added together; rank one at a time (--currency {first}; in pipecast.json, segments.currency)',
      zh: '{analysis}：订单涉及 {count} 种币种（{currencies}），不同币种从不相加；请一次只统计一种（--currency {first}；或在 pipecast.json 中设置 segments.currency）',
    },
    segmentNoCurrency: {
      en: "{analysis}: no order in {currency} (the orders' currencies: {currencies})",
      zh: '{analysis}：没有 {currency} 的订单（订单币种：{currencies}）',
    },
    scorecardNoColumn: {
      en: 'scorecard: no column "{column}" (columns: {columns})',
      zh: '评分卡：没有“{column}”列（现有列：{columns}）',
    },
    scorecardTextColumn: {
      en: 'scorecard: column "{column}" holds no numbers, so it cannot be scored (columns with numbers: {columns})',
      zh: '评分卡：“{column}”列没有数字，无法评分（含数字的列：{columns}）',
    },
    rfmNoAsOf: {
      en: 'rfm: no as-of date given and no order line has a date; give asOf, or check the order date column',
      zh: '没有截至日期：没有任何订单明细带有日期；请指定截至日期（--as-of），或检查订单日期列',
    },
    // Command-line flags.
    seeHelp: {
      en: '{problem} (see pipecast {command} --help)',
      zh: '{problem}（见 pipecast {command} --help）',
    },
    unknownOption: { en: "unknown option '{option}'", zh: '未知选项“{option}”' },
    optionNeedsValue: { en: "option '{option}' needs a value", zh: '选项“{option}”需要一个值' },
    nameOneFile: { en: 'name {what}', zh: '请指定{what}' },
    what_pipeline: { en: 'one pipeline file', zh: '一个商机文件' },
    what_aging: { en: 'one file to age', zh: '一个要做账龄分析的文件' },
    what_inspect: { en: 'one file to inspect', zh: '一个要查看的文件' },
    oneFileOnly: {
      en: '{command} takes one file, got {count}: {files}',
      zh: '{command} 只接受一个文件，实际给了 {count} 个：{files}',
    },
    nameFilesOrFolders: {
      en: 'name at least one file or folder',
      zh: '请至少指定一个文件或文件夹',
    },
    localeValue: {
      en: "--locale must be en or zh, got '{value}'",
      zh: '--locale 只能是 en 或 zh，实际为“{value}”',
    },
    asOfValue: {
      en: "--as-of must be a date YYYY-MM-DD, got '{value}'",
      zh: '--as-of 必须是 YYYY-MM-DD 格式的日期，实际为“{value}”',
    },
    outRequired: {
      en: '--out DIR is required: the folder to write the reports into',
      zh: '必须用 --out DIR 指定写入报告的文件夹',
    },
    outFolderRequired: { en: 'name a folder with --out DIR', zh: '请用 --out DIR 指定文件夹' },
    jobsValue: {
      en: "--jobs must be a whole number of at least 1, got '{value}'",
      zh: '--jobs 必须是不小于 1 的整数，实际为“{value}”',
    },
    combineContradiction: {
      en: '--combine and --no-combine contradict each other: give one',
      zh: '--combine 与 --no-combine 互相矛盾：只能给一个',
    },
    maxInflatedValue: {
      en: "--max-inflated-mb needs a number of megabytes above 0, got '{value}'",
      zh: '--max-inflated-mb 需要一个大于 0 的兆字节数，实际为“{value}”',
    },
    formatValue: {
      en: "--format must be csv or arrow, got '{value}'",
      zh: '--format 只能是 csv 或 arrow，实际为“{value}”',
    },
    cannotWriteOut: {
      en: 'cannot write to {folder}: {detail}',
      zh: '无法写入 {folder}：{detail}',
    },
    outIsFile: {
      en: '--out {out} is a file, not a folder; name a folder for the reports, e.g. --out reports',
      zh: '--out {out} 是文件而不是文件夹；请为报告指定一个文件夹，如 --out reports',
    },
    outInsideInput: {
      en: '--out {out} is inside the input folder {folder}: reports (results.xlsx, *.csv) would mix with the workbooks they were made from; choose a folder outside it, e.g. --out {suggestion}',
      zh: '--out {out} 位于输入文件夹 {folder} 之内：报告（results.xlsx、*.csv）会与源工作簿混在一起；请选择该文件夹之外的位置，如 --out {suggestion}',
    },
    outContainsInput: {
      en: '--out {out} contains the input {file}, which a report folder could overwrite; choose another --out folder',
      zh: '--out {out} 中含有输入文件 {file}，报告文件夹可能覆盖它；请换一个 --out 文件夹',
    },
    methodRequired: {
      en: '--method is required: {methods}',
      zh: '必须用 --method 指定方法：{methods}',
    },
    unknownMethod: {
      en: "unknown --method '{method}' (one of {methods})",
      zh: '未知的 --method“{method}”（可选：{methods}）',
    },
    flagMustBe: {
      en: "{flag} must be {first} or {second}, got '{value}'",
      zh: '{flag} 只能是 {first} 或 {second}，实际为“{value}”',
    },
    b2bNeedsMonetary: {
      en: '--mode b2b needs --monetary a,b,c,d (revenue thresholds in your currency)',
      zh: '--mode b2b 需要 --monetary a,b,c,d（以你的币种计的收入阈值）',
    },
    templateValue: {
      en: "--template must be six, key-account, generic, salesforce, hubspot or a .json file, got '{value}'",
      zh: '--template 只能是 six、key-account、generic、salesforce、hubspot 或一个 .json 文件，实际为“{value}”',
    },
    scorecardNeedsCriteria: {
      en: 'scorecard needs --criteria name:weight[:scale],… (see --help)',
      zh: '客户评分卡需要 --criteria 名称:权重[:换算方式],…（见 --help）',
    },
    // Config files (--config, docs/pipecast.schema.json).
    configNeedsFile: { en: '--config needs a file name', zh: '--config 需要一个文件名' },
    configUnreadable: {
      en: 'cannot read config {path}: {reason}',
      zh: '无法读取配置文件 {path}：{reason}',
    },
    noSuchFile: { en: 'no such file', zh: '文件不存在' },
    configEmpty: { en: 'not JSON: the file is empty', zh: '不是 JSON：文件是空的' },
    configNotJson: {
      en: 'not JSON at line {line}, column {column}: {problem}',
      zh: '不是有效的 JSON（第 {line} 行，第 {column} 列）：{problem}',
    },
    configKey: { en: '{key} {problem}', zh: '配置项 {key} {problem}' },
    configInlineTemplate: {
      en: 'forecast.template in the config is an inline template; pipecast forecast takes it as a file: --template FILE.json',
      zh: '配置中的 forecast.template 是内嵌模板；pipecast forecast 只接受模板文件：--template FILE.json',
    },
    mustBeOneOf: {
      en: 'must be one of {allowed}, got {value}',
      zh: '必须是 {allowed} 之一，实际为 {value}',
    },
    eitherOr: { en: '{first} or {second}', zh: '{first} 或 {second}' },
    mustBeEither: { en: 'must be {allowed}, got {value}', zh: '必须是 {allowed}，实际为 {value}' },
    notAKnownKey: {
      en: 'is not a known key (known: {known})',
      zh: '不是已知的配置项（已知：{known}）',
    },
    notAField: {
      en: 'is not a field (known: {known})',
      zh: '不是已知字段（已知：{known}）',
    },
    notAFieldOf: {
      en: 'is not a field of {kind} records (known: {known})',
      zh: '不是 {kind} 记录的字段（已知：{known}）',
    },
    mustBeHeader: {
      en: 'must be a header text, column letters or null, got {value}',
      zh: '必须是表头文字、列字母或 null，实际为 {value}',
    },
    mustBeObject: { en: 'must be an object, got {value}', zh: '必须是对象，实际为 {value}' },
    mustBeNumberAtLeast: {
      en: 'must be a number ≥ {min}, got {value}',
      zh: '必须是 ≥ {min} 的数字，实际为 {value}',
    },
    mustBeNumberArray: {
      en: 'must be an array of numbers, got {value}',
      zh: '必须是数字数组，实际为 {value}',
    },
    mustBeNumber: { en: 'must be a number, got {value}', zh: '必须是数字，实际为 {value}' },
    nothing: { en: 'nothing', zh: '空' },
  },
} as const satisfies Record<string, Record<string, TextEntry>>;

type Catalogue = typeof TEXT_CATALOGUE;

/** A section of the catalogue: 'chart', 'report', 'cli', 'addin'. */
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

/** The `{name}` parameters an entry names, e.g. 'count' for 'report.moreRows'. */
export type TextPlaceholders<K extends TextKey> = PlaceholdersOf<EntryOf<K>[Locale]>;

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
    return typeof value === 'number' ? numberParamText(name, value) : String(value);
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
