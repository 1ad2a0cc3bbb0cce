/**
 * The stage templates of ../shared/DOMAIN.md section 1, as data: each stage with its English and
 * Chinese names (long and short forms both match), order, default win rate where the playbook
 * gives one, and the forecast category a deal in it falls into by default.
 */

import { HUBSPOT_TEMPLATE, SALESFORCE_TEMPLATE } from './crm-stage-templates.js';

/** Forecast categories; cumulative roll-ups are built from them. */
export type ForecastCategory = 'pipeline' | 'best-case' | 'commit' | 'closed' | 'omitted';

export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  'pipeline',
  'best-case',
  'commit',
  'closed',
  'omitted',
];

/** One open stage of a funnel. */
export interface StageDefinition {
  key: string;
  name: string;
  nameZh: string;
  /** 0-based position in the funnel. */
  order: number;
  /** Default win rate, 0–1; undefined when the template gives none. */
  rate?: number;
  /** Default forecast category of a deal in this stage. */
  category: ForecastCategory;
  /** Other names a user may type (English or Chinese), matched after normalizeStageName. */
  aliases: readonly string[];
}

export interface StageTemplate {
  key: string;
  name: string;
  nameZh: string;
  stages: readonly StageDefinition[];
}

/** Built-in template keys accepted by `--template` and the `template` options. */
export type StageTemplateKey = 'six' | 'key-account' | 'generic' | 'salesforce' | 'hubspot';

export const SIX_STAGE_TEMPLATE: StageTemplate = {
  key: 'six',
  name: 'Procurement-aligned six stages',
  nameZh: '采购六阶段',
  stages: [
    ['interest', 'Interest (customer analysis)', '兴趣(客户分析)', 0.05, 'pipeline'],
    ['brewing', 'Brewing (build trust)', '酝酿(建立信任)', 0.1, 'pipeline'],
    ['design', 'Design (dig into needs)', '设计(挖掘需求)', 0.2, 'pipeline'],
    ['compare', 'Compare (present value)', '比较(呈现价值)', 0.3, 'best-case'],
    ['commit', 'Commit (win commitment)', '承诺(赢取承诺)', 0.5, 'commit'],
    ['use', 'Use (collect payment)', '使用(回收货款)', 0.8, 'commit'],
  ].map(([key, name, nameZh, rate, category], order) => ({
    key: key as string,
    name: name as string,
    nameZh: nameZh as string,
    order,
    rate: rate as number,
    category: category as ForecastCategory,
    // The short forms before the bracket ("Interest", "兴趣") are what most sheets hold.
    aliases: [shortName(name as string), shortName(nameZh as string)],
  })),
};

export const KEY_ACCOUNT_TEMPLATE: StageTemplate = {
  key: 'key-account',
  name: 'Key-account five stages',
  nameZh: '大客户销售过程',
  stages: [
    ['entrance', 'Entrance', '确认商机', 'pipeline', ['entry', 'confirm opportunity']],
    ['demand', 'Demand', '主导进程', 'pipeline', ['lead the process']],
    ['consulting', 'Consulting', '方案论证', 'pipeline', ['solution validation']],
    ['business', 'Business', '商务洽谈', 'best-case', ['business negotiation']],
    ['action', 'Action', '销售成交', 'commit', ['close', 'closing']],
  ].map(([key, name, nameZh, category, aliases], order) => ({
    key: key as string,
    name: name as string,
    nameZh: nameZh as string,
    order,
    category: category as ForecastCategory,
    aliases: aliases as string[],
  })),
};

export const GENERIC_TEMPLATE: StageTemplate = {
  key: 'generic',
  name: 'Generic five stages',
  nameZh: '通用五阶段',
  stages: [
    ['initial-contact', 'Initial contact', '初步接触', 'pipeline', ['contact', 'first contact']],
    ['needs-analysis', 'Needs analysis', '需求分析', 'pipeline', ['needs', 'discovery']],
    ['proposal', 'Proposal', '方案制定', 'pipeline', ['quote', 'proposal/price quote', '报价']],
    ['negotiation', 'Negotiation', '商务谈判', 'best-case', ['negotiation/review', '谈判']],
    ['contract', 'Contract', '合同签订', 'commit', ['contracting', '签约']],
  ].map(([key, name, nameZh, category, aliases], order) => ({
    key: key as string,
    name: name as string,
    nameZh: nameZh as string,
    order,
    category: category as ForecastCategory,
    aliases: aliases as string[],
  })),
};

export const STAGE_TEMPLATES: Readonly<Record<StageTemplateKey, StageTemplate>> = {
  six: SIX_STAGE_TEMPLATE,
  'key-account': KEY_ACCOUNT_TEMPLATE,
  generic: GENERIC_TEMPLATE,
  salesforce: SALESFORCE_TEMPLATE,
  hubspot: HUBSPOT_TEMPLATE,
};

/** Stage or status names that mean the deal was won (English and Chinese). */
export const WON_STAGE_NAMES: readonly string[] = [
  'won',
  'closed won',
  'win',
  'closed/won',
  '赢单',
  '成交',
  '已成交',
  '赢',
  '已赢单',
];

/** Stage or status names that mean the deal was lost. */
export const LOST_STAGE_NAMES: readonly string[] = [
  'lost',
  'closed lost',
  'loss',
  'closed/lost',
  '丢单',
  '输单',
  '已丢单',
  '失败',
  '输',
];

/**
 * English stage names seen in CRMs, in funnel order, for ordering stages found in data when no
 * template matches and no stage history says otherwise. Names on one line share a rank.
 */
export const KNOWN_STAGE_ORDER: readonly (readonly string[])[] = [
  ['lead', 'new', 'prospecting', 'prospect', 'initial contact', 'contact'],
  ['qualification', 'qualify', 'qualified', 'discovery'],
  ['engaging', 'engaged', 'needs analysis', 'value proposition', 'demo', 'solution'],
  ['proposal', 'quote', 'proposal/price quote', 'id. decision makers', 'perception analysis'],
  ['negotiation', 'negotiation/review', 'review'],
  ['contract', 'commit', 'closing'],
];

function shortName(name: string): string {
  return name.replace(/\s*[(（].*$/u, '');
}
