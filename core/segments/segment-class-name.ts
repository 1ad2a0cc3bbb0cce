import { PipecastError } from '../errors/pipecast-error.js';
import { TEXT_CATALOGUE, type Locale, textFor } from '../text/catalogue.js';
import { PORTFOLIO_ZONES, type PortfolioZone } from './portfolio.js';
import { RFM_SEGMENTS } from './rfm-segment.js';

/** The methods whose customers fall into named classes. */
export type ClassifyingMethod = 'abc' | 'rfm' | 'portfolio' | 'scorecard';

/**
 * The name users read for a class of a segmentation, in one language: an RFM segment key
 * ('at-risk' → 'At risk' / '流失风险'), a portfolio zone ('acquire' → 'Acquire' / '获取'), a
 * scorecard tier ('strategic' → 'Strategic' / '战略客户'; channel 'A' → 'A' / 'A类渠道'). ABC
 * classes and tiers a user named themselves are shown as they are. The names come from the text
 * catalogue, so every table, chart and CLI line calls a class the same.
 *
 * @param method - The segmentation method the key comes from.
 * @param key - The class key as the result holds it (the key `--json` keeps).
 * @param locale - 'en' or 'zh'.
 * @returns The class's name in the locale, or `key` when the catalogue has no name for it.
 * @throws PipecastError ('invalid-option') for a method without classes.
 * @example segmentClassName('rfm', 'cant-lose', 'zh') // '不能失去'
 * @example segmentClassName('portfolio', 'acquire', 'en') // 'Acquire'
 */
export function segmentClassName(method: ClassifyingMethod, key: string, locale: Locale): string {
  switch (method) {
    case 'abc':
      return key;
    case 'rfm': {
      const segment = RFM_SEGMENTS.find((candidate) => candidate.key === key);
      if (segment === undefined) return key;
      return locale === 'zh' ? segment.nameZh : segment.name;
    }
    case 'portfolio':
      return PORTFOLIO_ZONES.some((zone) => zone.zone === key)
        ? textFor(locale, `chart.${key as PortfolioZone}`)
        : key;
    case 'scorecard': {
      const tierKey = `tier_${key}`;
      return Object.hasOwn(TEXT_CATALOGUE.report, tierKey)
        ? textFor(locale, `report.${tierKey as TierKey}`)
        : key;
    }
    default:
      throw new PipecastError(
        'invalid-option',
        `segmentClassName: ${JSON.stringify(method)} has no classes; use abc, rfm, portfolio or scorecard`,
      );
  }
}

type TierKey = Extract<keyof typeof TEXT_CATALOGUE.report, `tier_${string}`>;
