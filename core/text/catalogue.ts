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
    zones: { en: 'Zones', zh: '区域汇总' },
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
    zone: { en: 'Zone', zh: '区域' },
    strategy: { en: 'Strategy', zh: '策略' },
    potential: { en: 'Potential', zh: '采购潜力' },
    ourShare: { en: 'Our share', zh: '客户份额' },
    ourRevenue: { en: 'Our revenue', zh: '我方收入' },
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
    largestSegment: { en: 'Largest segment', zh: '最大分群' },
    champions: { en: 'Champions', zh: '冠军客户' },
    unclassified: { en: 'Unclassified', zh: '未分类' },
    attackCustomers: { en: 'Attack', zh: '进攻' },
    defendCustomers: { en: 'Defend', zh: '防守' },
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
    breakdownBy: { en: 'By {column}', zh: '按{column}' },
    blankValue: { en: '(blank)', zh: '（空白）' },
    breakdownNotMade: {
      en: 'No breakdown by {column}: {reason}',
      zh: '未能按{column}细分：{reason}',
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
      zh: '每个点是一位客户：横轴为我方份额，纵轴为采购潜力；虚线为区域分界。',
    },
    captionAging: {
      en: 'Open balance per bucket of days past due, one colour per customer or owner (the smallest merged into Other).',
      zh: '各逾期天数段的未收余额，每种颜色代表一位客户或负责人（较小者合并为"其他"）。',
    },
    captionTopOverdue: {
      en: 'Customers with the largest balance past due, their past-due credits already deducted.',
      zh: '逾期余额最高的客户（已扣除其逾期贷项）。',
    },
    credits: { en: 'Credits', zh: '贷项' },
    shareNothingOpen: {
      en: 'nothing is open on the as-of date',
      zh: '截至日没有未收款',
    },
    shareCreditBalance: {
      en: 'not computed: credits exceed what customers owe (open balance below 0)',
      zh: '未计算：贷项超过客户欠款（未收余额小于 0）',
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
    forecastBy: { en: 'By {column}', zh: '按 {column}' },
    historyInvoices: {
      en: 'Orders: the {lines} invoices of {sheets} (customer, invoice date, amount), as the workbook has no order lines',
      zh: '订单：取自 {sheets} 的 {lines} 张发票（客户、开票日期、金额），因工作簿中没有订单明细',
    },
    historyWonDeals: {
      en: 'Orders: the {lines} won deals of {sheets} (account, close date, amount), as the workbook has no order lines',
      zh: '订单：取自 {sheets} 的 {lines} 个赢单商机（客户、成交日期、金额），因工作簿中没有订单明细',
    },
    dealsAtListPrice: { en: 'Open deals valued at list price', zh: '按标价计值的进行中商机' },
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
    /** Under a text table cut to its first rows: how many more `--json` lists. */
    moreRows: { en: '… and {count} more (see --json)', zh: '…… 另有 {count} 行（见 --json）' },
    /** The forecast's P10–P90 line: the outcome of the open deals, not revenue already won. */
    outcomeRange: {
      en: "Range of the open pipeline's outcome (revenue still to win)",
      zh: '在途商机成交额区间（尚待赢得的收入）',
    },
    /** The quota line, each figure saying what it is. */
    quotaLine: {
      en: 'Quota {quota}: won {closed}, still to win {remaining}; coverage {coverage} (open pipeline {pipeline} ÷ quota still to win); gap {gap} (quota − won − weighted forecast)',
      zh: '销售指标 {quota}：已赢单 {closed}，尚需 {remaining}；覆盖率 {coverage}（在途漏斗金额 {pipeline} ÷ 尚需完成的指标）；缺口 {gap}（指标 − 已赢单 − 加权预测）',
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
    colZone: { en: 'Zone', zh: '区域' },
    colCurrency: { en: 'Currency', zh: '币种' },
    colBucket: { en: 'Bucket', zh: '区间' },
    colItems: { en: 'Items', zh: '笔数' },
    colOpen: { en: 'Open', zh: '未收' },
    colOverdue: { en: 'Overdue', zh: '逾期' },
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
    tableBreakdown: { en: 'By {column}', zh: '按{column}' },
    chartBreakdown: { en: 'Weighted forecast by {column}', zh: '按{column}的加权预测' },
    chartAgingBreakdown: { en: 'Open balance by {column}', zh: '按{column}的未收余额' },
    blankKey: { en: '(blank)', zh: '(空白)' },
    breakdownNotMade: {
      en: 'No breakdown by {column}: {reason}',
      zh: '未按{column}细分：{reason}',
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
