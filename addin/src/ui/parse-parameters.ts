import { STAGE_TEMPLATES } from '../../../core/index.js';
import type { PaneAnalysis } from '../excel/settings.js';
import { PaneError } from '../pane-error.js';
import type { AnalysisParameters } from '../worker/protocol.js';

/*
 * The parameters form's text, read. No DOM here, so it runs outside a page too (Node tests).
 */

/**
 * Defaults of the form. The as-of date is blank: the run then takes the data's own day (the day
 * after its last recorded event), as `pipecast` does, never the day the pane happens to open.
 */
export function defaultParameters(analysis: PaneAnalysis): Record<string, string> {
  if (analysis === 'forecast') return { asOf: '', quota: '', template: '', stageRates: '' };
  if (analysis === 'segment')
    return {
      asOf: '',
      abcCutPoints: '0.8, 0.95',
      rfmMode: 'quintile',
      currency: '',
      portfolioThresholds: '',
      scorecardWeights: '',
    };
  return { asOf: '', buckets: '30, 60, 90, 180' };
}

/** "Stage = rate" lines of a built-in template, rates in percent, for the user to edit. */
export function stageRateLines(templateKey: string): string {
  const template = STAGE_TEMPLATES[templateKey as keyof typeof STAGE_TEMPLATES];
  if (template === undefined) return '';
  return template.stages
    .filter((s) => s.rate !== undefined)
    .map((s) => `${s.name} = ${Math.round((s.rate ?? 0) * 1000) / 10}%`)
    .join('\n');
}

/** The ticked columns as saved: one header per line. */
export function breakdownsOf(value: string): string[] {
  return value.split('\n').filter((line) => line.trim() !== '');
}

/**
 * The form's text as analysis parameters.
 *
 * @throws PaneError `errorParameter` naming the field and the text that cannot be read.
 */
export function parseParameters(
  analysis: PaneAnalysis,
  values: Readonly<Record<string, string>>,
): AnalysisParameters {
  const asOf = (values.asOf ?? '').trim();
  if (asOf !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw badField('asOf', asOf);
  const params: AnalysisParameters = asOf === '' ? {} : { asOf };
  const breakdowns = breakdownsOf(values.breakdowns ?? '');
  if (breakdowns.length > 0) params.breakdowns = breakdowns;
  if (analysis === 'forecast') {
    const quota = numbersOf('quota', values.quota, 1);
    if (quota[0] !== undefined) params.quota = quota[0];
    if (values.template) params.template = values.template;
    const rates = stageRatesOf(values.stageRates ?? '');
    if (Object.keys(rates).length > 0) params.stageRates = rates;
  } else if (analysis === 'segment') {
    const cuts = numbersOf('abcCutPoints', values.abcCutPoints, 2);
    if (cuts.length === 2) params.abcCutPoints = [cuts[0] ?? 0, cuts[1] ?? 0];
    params.rfmMode = values.rfmMode === 'b2b' ? 'b2b' : 'quintile';
    const currency = (values.currency ?? '').trim().toUpperCase();
    if (currency !== '') params.currency = currency;
    const [potential, share] = numbersOf('portfolioThresholds', values.portfolioThresholds, 2);
    if (potential !== undefined) params.potentialThreshold = potential;
    if (share !== undefined) params.shareThreshold = share;
    const criteria = weightLinesOf(values.scorecardWeights ?? '');
    if (criteria.length > 0) params.scorecard = criteria;
  } else {
    const buckets = numbersOf('buckets', values.buckets, 12);
    if (buckets.length > 0) params.buckets = buckets;
  }
  return params;
}

/** Comma-separated numbers (blank: none), at most `max`; a percent sign divides by 100. */
function numbersOf(field: string, text: string | undefined, max: number): number[] {
  const parts = (text ?? '').split(/[,，;\s]+/).filter((part) => part !== '');
  if (parts.length > max) throw badField(field, text ?? '');
  return parts.map((part) => {
    const percent = part.endsWith('%');
    const value = Number(percent ? part.slice(0, -1) : part);
    if (!Number.isFinite(value)) throw badField(field, part);
    return percent ? value / 100 : value;
  });
}

/** "Stage = 40%" lines as stage → rate 0–1 (a number above 1 is a percent). */
export function stageRatesOf(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^(.+?)\s*[=:：]\s*([\d.]+)\s*%?\s*$/.exec(line.trim());
    if (match === null) throw badField('stageRates', line);
    const value = Number(match[2]);
    rates[(match[1] ?? '').trim()] = line.includes('%') || value > 1 ? value / 100 : value;
  }
  return rates;
}

/** "Column = weight" lines (weights in percent) as scorecard criteria. */
export function weightLinesOf(text: string): { column: string; weight: number }[] {
  const criteria: { column: string; weight: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^(.+?)\s*[=:：]\s*([\d.]+)\s*%?\s*$/.exec(line.trim());
    if (match === null) throw badField('scorecardWeights', line);
    criteria.push({ column: (match[1] ?? '').trim(), weight: Number(match[2]) });
  }
  return criteria;
}

function badField(field: string, value: string): PaneError {
  return new PaneError('errorParameter', { field, value });
}
