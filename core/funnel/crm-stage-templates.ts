import type { ForecastCategory, StageTemplate } from './stage-templates.js';

/**
 * The default category of a CRM stage from its probability, as the built-in templates place
 * theirs: pipeline below 50%, best case from 50%, commit from 75%. A file's own Forecast
 * Category column overrides it deal by deal.
 */
function categoryOfRate(rate: number): ForecastCategory {
  if (rate >= 0.75) return 'commit';
  if (rate >= 0.5) return 'best-case';
  return 'pipeline';
}

function crmTemplate(
  key: string,
  name: string,
  nameZh: string,
  stages: readonly (readonly [key: string, name: string, nameZh: string, rate: number])[],
): StageTemplate {
  return {
    key,
    name,
    nameZh,
    stages: stages.map(([stageKey, stageName, stageNameZh, rate], order) => ({
      key: stageKey,
      name: stageName,
      nameZh: stageNameZh,
      order,
      rate,
      category: categoryOfRate(rate),
      aliases: [],
    })),
  };
}

/**
 * Salesforce's standard Opportunity Stage picklist with its default probabilities (Setup ›
 * Object Manager › Opportunity › Stage; the probability is the stage's DefaultProbability,
 * labelled "Probability (%)" in exports: developer.salesforce.com, object reference,
 * OpportunityStage). The stage list as shipped is confirmed by crmnewstoday.com ("Salesforce
 * Opportunity Stages") and vtiger's translation of the same picklist; an org may have changed
 * the figures, and a Probability (%) column in the export then wins. Closed Won and Closed Lost
 * are closed statuses, not open stages.
 */
export const SALESFORCE_TEMPLATE: StageTemplate = crmTemplate(
  'salesforce',
  'Salesforce standard opportunity stages',
  'Salesforce 标准商机阶段',
  [
    ['prospecting', 'Prospecting', '寻找潜在客户', 0.1],
    ['qualification', 'Qualification', '资格确认', 0.1],
    ['needs-analysis', 'Needs Analysis', '需求分析', 0.2],
    ['value-proposition', 'Value Proposition', '价值主张', 0.5],
    ['id-decision-makers', 'Id. Decision Makers', '确定决策者', 0.6],
    ['perception-analysis', 'Perception Analysis', '认知分析', 0.7],
    ['proposal-price-quote', 'Proposal/Price Quote', '方案/报价', 0.75],
    ['negotiation-review', 'Negotiation/Review', '谈判/审核', 0.9],
  ],
);

/**
 * HubSpot's default deal pipeline ("Sales Pipeline") with its default deal probabilities, as
 * listed by hublead.io ("HubSpot Deal Stages": Appointment Scheduled 20%, Qualified to Buy 40%,
 * Presentation Scheduled 60%, Decision Maker Bought-In 80%, Contract Sent 90%, Closed Won 100%,
 * Closed Lost 0%), the same figures as growthengineer.ai's table of HubSpot defaults.
 */
export const HUBSPOT_TEMPLATE: StageTemplate = crmTemplate(
  'hubspot',
  'HubSpot default deal pipeline',
  'HubSpot 默认交易管道',
  [
    ['appointment-scheduled', 'Appointment scheduled', '已预约', 0.2],
    ['qualified-to-buy', 'Qualified to buy', '有购买资格', 0.4],
    ['presentation-scheduled', 'Presentation scheduled', '已安排演示', 0.6],
    ['decision-maker-bought-in', 'Decision maker bought-in', '决策者已认可', 0.8],
    ['contract-sent', 'Contract sent', '合同已发送', 0.9],
  ],
);
