import type { Locale } from '../text/catalogue.js';

/**
 * A stage's name in one language: its Chinese name in 'zh' when it has one, else its name. A
 * template stage carries both; a stage found in the data carries its own text in both.
 *
 * @param stage - A stage of a forecast (template or found in the data).
 * @param locale - 'en' or 'zh'.
 * @returns The one name to show.
 * @example stageNameIn({ name: 'Interest (customer analysis)', nameZh: '兴趣(客户分析)' }, 'en') // 'Interest (customer analysis)'
 */
export function stageNameIn(stage: { name: string; nameZh: string }, locale: Locale): string {
  return locale === 'zh' && stage.nameZh !== '' ? stage.nameZh : stage.name;
}
