import {
  type ForecastFunnelResult,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  type Locale,
  textFor,
  type TextKey,
} from '../../core/index.js';
import { sayIn } from '../cli-locale.js';

/**
 * The forecast's bottleneck, cycle and velocity, and win-rate basis as sentences, in English or
 * Chinese: shared by `pipecast forecast` and the report, so both say the same thing.
 */

/** "Bottleneck: STAGE — why" (the stage's Chinese name in Chinese), or null when there is none. */
export function bottleneckLineText(forecast: ForecastFunnelResult, locale: Locale): string | null {
  const bottleneck = forecast.kpis.bottleneck;
  if (!bottleneck) return null;
  const row = forecast.stages.find((stage) => stage.key === bottleneck.stageKey);
  return textFor(locale, 'cli.bottleneckLine', {
    stage: locale === 'zh' && row?.nameZh ? row.nameZh : bottleneck.name,
    reason: bottleneckReason(forecast, locale),
  });
}

/** Why the bottleneck stage is one: the core's sentence, or the same from its figures. */
function bottleneckReason(forecast: ForecastFunnelResult, locale: Locale): string {
  const bottleneck = forecast.kpis.bottleneck!;
  if (locale === 'en') return bottleneck.reason;
  if (bottleneck.by === 'dwell')
    return textFor(locale, 'cli.bottleneckDwell', { days: formatDecimal(bottleneck.value, 1) });
  const row = forecast.stages.find((stage) => stage.key === bottleneck.stageKey);
  return textFor(locale, 'cli.bottleneckConversion', {
    rate: formatPercent(bottleneck.value),
    reached: row?.reached === undefined ? '—' : formatCount(row.reached),
  });
}

/** "Average cycle: … · Velocity: …", a dash and the reasons for a velocity that is missing. */
export function cycleVelocityText(forecast: ForecastFunnelResult, locale: Locale): string {
  const say = sayIn(locale);
  const { kpis, velocity } = forecast;
  const missing = velocity.missing.map((reason) =>
    locale === 'en' ? reason : say(`cli.velocity_${reason}` as TextKey),
  );
  return say('cli.cycleVelocity', {
    cycle:
      kpis.avgCycleDays === null
        ? '—'
        : say('cli.days', { days: formatDecimal(kpis.avgCycleDays, 1) }),
    velocity:
      velocity.perDay === null
        ? `— (${missing.join(locale === 'zh' ? '；' : '; ')})`
        : say('cli.perDay', { amount: formatMoney(velocity.perDay) }),
  });
}

/** "Win rates: what they rest on": the core's sentence, or the same from its figures. */
export function winRatesLineText(forecast: ForecastFunnelResult, locale: Locale): string {
  return textFor(locale, 'cli.winRatesLine', { note: winRatesNote(forecast, locale) });
}

function winRatesNote(forecast: ForecastFunnelResult, locale: Locale): string {
  const rates = forecast.winRates;
  if (locale === 'en') return rates.note;
  const shrunk = rates.stages.filter((stage) => stage.shrunk).length;
  const parts = [
    `${textFor(locale, 'cli.winRatesLearned', { closed: formatCount(rates.overall.closed), won: formatCount(rates.overall.won) })}，${textFor(
      locale,
      rates.basis === 'stage-history' ? 'cli.winRatesByHistory' : 'cli.winRatesByLastStage',
    )}`,
  ];
  if (rates.lostWithoutStage > 0)
    parts.push(
      textFor(locale, 'cli.winRatesLostWithoutStage', {
        count: formatCount(rates.lostWithoutStage),
      }),
    );
  if (shrunk > 0)
    parts.push(textFor(locale, 'cli.winRatesShrunk', { count: shrunk, min: rates.minClosed }));
  return parts.join('；');
}
