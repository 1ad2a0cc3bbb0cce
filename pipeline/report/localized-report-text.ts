import {
  actionTerm,
  type DataWarning,
  renderCoded,
  type ReportAnalysisName,
  SKIP_REASONS,
  STAGE_TEMPLATES,
  type StageTemplateKey,
  textFor,
} from '../../core/index.js';
import type { ReportLocale } from '../report-html/report-model.js';

/**
 * The words of a report that come from a fixed set in the core (skip reasons, warning actions,
 * the stage template line, sheet kinds), in the report's language. Free text (a failure's
 * message, a data warning's message) stays as the core wrote it.
 */

const SKIP_KEYS = {
  forecast: 'report.skipForecast',
  abc: 'report.skipAbc',
  rfm: 'report.skipRfm',
  portfolio: 'report.skipPortfolio',
  aging: 'report.skipAging',
} as const;

/**
 * Why an analysis did not run, in `locale` when it is one of the core's fixed reasons.
 *
 * @param analysis - the analysis.
 * @param reason - the core's English reason.
 * @param locale - the report language.
 * @returns the reason to show.
 */
export function skipReasonText(
  analysis: ReportAnalysisName,
  reason: string,
  locale: ReportLocale,
): string {
  return reason === SKIP_REASONS[analysis] ? textFor(locale, SKIP_KEYS[analysis]) : reason;
}

/**
 * What was done about a data warning, in `locale`.
 *
 * @param action - the warning's action.
 * @param locale - the report language.
 * @returns e.g. "已保留该行" for 'row kept' in Chinese.
 */
export function warningActionText(action: DataWarning['action'], locale: ReportLocale): string {
  return renderCoded(actionTerm(action), locale);
}

const KIND_KEYS = {
  deal: 'report.kindDeal',
  stageChange: 'report.kindStageChange',
  orderLine: 'report.kindOrderLine',
  customer: 'report.kindCustomer',
  invoice: 'report.kindInvoice',
  payment: 'report.kindPayment',
} as const;

/**
 * What a sheet holds, in words: "deals", "订单明细"; "not used" for a sheet of no known kind.
 *
 * @param kind - the planned kind of the sheet, or null/undefined.
 * @param locale - the report language.
 * @returns the words.
 */
export function sheetKindText(kind: string | null | undefined, locale: ReportLocale): string {
  const key = kind == null ? undefined : KIND_KEYS[kind as keyof typeof KIND_KEYS];
  return textFor(locale, key ?? 'report.kindUnknown');
}

/** The template choice as the core reports it. */
export interface TemplateChoiceText {
  key: string;
  name: string;
  reason: string;
  matchedShare: number;
}

/**
 * The stage template and why it was used. English keeps the core's sentence; other languages
 * are told from the choice's key and matched share, with the template's own name in that
 * language.
 *
 * @param choice - the forecast's template choice.
 * @param stageCount - open stages of the template used (for a template taken from the data).
 * @param locale - the report language.
 * @returns "采购六阶段 — 其阶段名称与 100% 的在途商机一致".
 */
export function templateLineText(
  choice: TemplateChoiceText,
  stageCount: number,
  locale: ReportLocale,
): string {
  if (locale === 'en') return `${choice.name} — ${choice.reason}`;
  const builtIn = STAGE_TEMPLATES[choice.key as StageTemplateKey] as
    (typeof STAGE_TEMPLATES)[StageTemplateKey] | undefined;
  if (choice.reason === textFor('en', 'report.templateUser'))
    return `${builtIn?.nameZh ?? choice.name} — ${textFor(locale, 'report.templateUser')}`;
  if (builtIn !== undefined) {
    const share = `${Math.round(choice.matchedShare * 100)}%`;
    return `${builtIn.nameZh} — ${textFor(locale, 'report.templateMatched', { share })}`;
  }
  return `${textFor(locale, 'report.templateFromDataName')} — ${textFor(locale, 'report.templateFromData', { count: stageCount })}`;
}
