import type { ForecastCategory, StageDefinition, StageTemplate } from './stage-templates.js';
import { FORECAST_CATEGORIES } from './stage-templates.js';
import { normalizeStageName } from './normalize-stage-name.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** The JSON a user writes for `--template FILE.json`. */
export interface StageTemplateJson {
  name: string;
  stages: {
    name: string;
    zh?: string;
    /** 0–1, or 0–100 read as percent. */
    rate?: number;
    category?: ForecastCategory;
    aliases?: string[];
  }[];
}

/**
 * A user-defined stage template from parsed JSON, checked field by field.
 *
 * Shape: `{name, stages: [{name, zh?, rate?, category?, aliases?}]}`, stages in funnel order.
 * A rate above 1 is read as percent (30 → 0.3). Without a category, the last stage is Commit,
 * the one before Best case and the rest Pipeline.
 *
 * @param json - the value of JSON.parse on the file.
 * @returns a StageTemplate with key `custom`.
 * @throws PipecastError naming the bad field when the shape is wrong, a rate is outside 0–100, a name is
 *   blank, or two stages share a name after normalisation.
 * @example parseStageTemplate({ name: 'Mine', stages: [{ name: 'Lead', rate: 10 }, { name: 'Deal', rate: 0.6 }] })
 */
export function parseStageTemplate(json: unknown): StageTemplate {
  const fail = (what: string): never => {
    throw new PipecastError('invalid-option', `parseStageTemplate: ${what}`);
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    fail('expected an object {name, stages: [...]}');
  const { name, stages } = json as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') fail('"name" must be non-blank text');
  if (!Array.isArray(stages) || stages.length === 0)
    fail('"stages" must be a non-empty array of {name, zh?, rate?, aliases?}');
  const seen = new Map<string, string>();
  const list = stages as unknown[];
  const result: StageDefinition[] = list.map((raw, order) => {
    const where = `stages[${order}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      fail(`${where} must be an object`);
    const s = raw as Record<string, unknown>;
    if (typeof s.name !== 'string' || s.name.trim() === '')
      fail(`${where}.name must be non-blank text`);
    if (s.zh !== undefined && typeof s.zh !== 'string') fail(`${where}.zh must be text`);
    let rate: number | undefined;
    if (s.rate !== undefined) {
      if (typeof s.rate !== 'number' || !Number.isFinite(s.rate) || s.rate < 0 || s.rate > 100)
        fail(
          `${where}.rate must be a number from 0 to 1 (or 0 to 100 as percent), got ${JSON.stringify(s.rate)}`,
        );
      rate = (s.rate as number) > 1 ? (s.rate as number) / 100 : (s.rate as number);
    }
    if (s.category !== undefined && !FORECAST_CATEGORIES.includes(s.category as ForecastCategory))
      fail(
        `${where}.category must be one of ${FORECAST_CATEGORIES.join(', ')}, got ${JSON.stringify(s.category)}`,
      );
    if (
      s.aliases !== undefined &&
      (!Array.isArray(s.aliases) || s.aliases.some((a) => typeof a !== 'string'))
    )
      fail(`${where}.aliases must be an array of text`);
    const stageName = (s.name as string).trim();
    const zh = typeof s.zh === 'string' && s.zh.trim() !== '' ? s.zh.trim() : stageName;
    const aliases = (s.aliases as string[] | undefined) ?? [];
    for (const n of [stageName, ...(zh === stageName ? [] : [zh]), ...aliases]) {
      const key = normalizeStageName(n);
      const other = seen.get(key);
      if (other !== undefined && other !== where)
        fail(`${where} name "${n}" is the same stage name as ${other}`);
      seen.set(key, where);
    }
    const last = list.length - 1;
    const category: ForecastCategory =
      (s.category as ForecastCategory | undefined) ??
      (order === last ? 'commit' : order === last - 1 ? 'best-case' : 'pipeline');
    return {
      key: normalizeStageName(stageName) || `stage-${order + 1}`,
      name: stageName,
      nameZh: zh,
      order,
      ...(rate === undefined ? {} : { rate }),
      category,
      aliases,
    };
  });
  return {
    key: 'custom',
    name: (name as string).trim(),
    nameZh: (name as string).trim(),
    stages: result,
  };
}
