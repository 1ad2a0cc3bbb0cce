import { type Locale, textFor } from '../text/catalogue.js';

/**
 * The name users read for an aging bucket: the first bucket by days past due ('Current', not yet
 * due) in the locale's words; the day ranges ('1–30', '181+') read the same in every language.
 *
 * @param label - A bucket label as ageReceivables gives it.
 * @param locale - 'en' or 'zh'.
 * @returns The label to show.
 * @example agingBucketName('Current', 'zh') // '未到期'
 * @example agingBucketName('31–60', 'zh') // '31–60'
 */
export function agingBucketName(label: string, locale: Locale): string {
  return label === 'Current' ? textFor(locale, 'chart.bucketCurrent') : label;
}
