import type { RecordTable } from '../columns/record-table.js';
import type { Deal, StageChange } from '../columns/records.js';
import { dealTable } from '../internal/deal-table.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { StageDefinition, StageTemplate, StageTemplateKey } from './stage-templates.js';
import {
  KNOWN_STAGE_ORDER,
  LOST_STAGE_NAMES,
  STAGE_TEMPLATES,
  WON_STAGE_NAMES,
} from './stage-templates.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Share of open deals whose stage a built-in template must recognise to be chosen. */
export const DEFAULT_MIN_TEMPLATE_MATCH = 0.5;

export interface ResolveTemplateOptions {
  /** A built-in key or a template; undefined to choose from the data. */
  template?: StageTemplateKey | StageTemplate;
  /** Stage history, used to order stages found in the data. */
  stageChanges?: readonly StageChange[];
  minTemplateMatch?: number;
}

export interface TemplateChoice {
  /** 'six' | 'key-account' | 'generic' | 'salesforce' | 'hubspot' | 'custom' | 'from-data'. */
  key: string;
  name: string;
  /** Why this template was used, in one sentence. */
  reason: string;
  /** Share of open deals (by count) whose stage the template recognises, 0–1. */
  matchedShare: number;
}

export interface ResolveTemplateResult {
  template: StageTemplate;
  choice: TemplateChoice;
}

const WON = new Set(WON_STAGE_NAMES.map(normalizeStageName));
const LOST = new Set(LOST_STAGE_NAMES.map(normalizeStageName));

/** 'won' / 'lost' when a stage name is a terminal status, else undefined. */
export function terminalStatusOf(stage: string): 'won' | 'lost' | undefined {
  const key = normalizeStageName(stage);
  return WON.has(key) ? 'won' : LOST.has(key) ? 'lost' : undefined;
}

/** Normalised name → stage index for every name and alias of a template. */
export function stageMatcher(template: StageTemplate): Map<string, number> {
  const map = new Map<string, number>();
  template.stages.forEach((stage, index) => {
    for (const name of [stage.key, stage.name, stage.nameZh, ...stage.aliases]) {
      const key = normalizeStageName(name);
      if (key !== '' && !map.has(key)) map.set(key, index);
    }
  });
  return map;
}

/**
 * The stage template a pipeline is read with: the caller's, else the built-in one that recognises
 * the most open deals over all their stage names (at least `minTemplateMatch` of them; ties go to
 * the one recognising more by its stages' own names, see bestTemplate), else one built from the data.
 *
 * Built from the data: the distinct open stage names, ordered by their average position in the
 * stage history when there is one, else by a list of common CRM stage names (prospecting <
 * qualification < engaging/needs analysis < proposal < negotiation), else by first appearance.
 * Such stages have no default rates (they are learned from closed deals) and default to the
 * Pipeline category. Deals whose stage is a won/lost name, or whose status is won/lost, do not vote.
 * Blank stage names are ignored.
 *
 * @param deals - the pipeline.
 * @param options - see ResolveTemplateOptions.
 * @returns the template and why it was chosen.
 * @throws PipecastError when `template` is an unknown key.
 * @example resolveTemplate(deals).choice.key // 'six' when most stages read like 兴趣/酝酿/…
 */
export function resolveTemplate(
  deals: readonly Deal[] | RecordTable<Deal>,
  options: ResolveTemplateOptions = {},
): ResolveTemplateResult {
  const minMatch = options.minTemplateMatch ?? DEFAULT_MIN_TEMPLATE_MATCH;
  const { counts, open } = openStageCounts(dealTable(deals));
  const shareOf = (template: StageTemplate): number => templateFit(template, counts, open).share;
  if (options.template !== undefined) {
    const template = userTemplate(options.template);
    return { template, choice: userTemplateChoice(template, shareOf(template)) };
  }
  const best = bestTemplate(counts, open);
  if (open === 0 && best) {
    return {
      template: STAGE_TEMPLATES.six,
      choice: {
        key: 'six',
        name: STAGE_TEMPLATES.six.name,
        reason: 'no open stage names in the data; the default six-stage template is used',
        matchedShare: 0,
      },
    };
  }
  if (best && best.share >= minMatch) {
    return {
      template: best.template,
      choice: {
        key: best.template.key,
        name: best.template.name,
        reason: `its stage names match ${percent(best.share)} of the open deals (the most of the built-in templates)`,
        matchedShare: best.share,
      },
    };
  }
  return templateFromData(counts, options.stageChanges ?? [], minMatch, best);
}

/** How well a template fits the open deals: see templateFit. */
interface TemplateFit {
  template: StageTemplate;
  share: number;
  exactShare: number;
}

/**
 * How well a template fits the open deals' stage names: `share`, the share of voting deals whose
 * stage it recognises by any name or alias, and `exactShare`, those it recognises by a stage's
 * own key or name (English or Chinese), not an alias.
 */
function templateFit(
  template: StageTemplate,
  counts: ReadonlyMap<string, StageNameCount>,
  open: number,
): TemplateFit {
  if (open === 0) return { template, share: 0, exactShare: 0 };
  const matcher = stageMatcher(template);
  const exact = new Set(
    template.stages.flatMap((stage) =>
      [stage.key, stage.name, stage.nameZh].map(normalizeStageName),
    ),
  );
  let matched = 0;
  let matchedExactly = 0;
  for (const [key, entry] of counts) {
    if (matcher.has(key)) matched += entry.count;
    if (exact.has(key)) matchedExactly += entry.count;
  }
  return { template, share: matched / open, exactShare: matchedExactly / open };
}

/**
 * The built-in template that fits the open deals best over all their stage names: the largest
 * share recognised, and among equal shares the largest share recognised by the stages' own names
 * rather than aliases (a Salesforce export's "Needs Analysis, Proposal/Price Quote,
 * Negotiation/Review" are all aliases in the generic template too, but Salesforce's own names),
 * then the template listed first.
 */
function bestTemplate(
  counts: ReadonlyMap<string, StageNameCount>,
  open: number,
): TemplateFit | undefined {
  let best: TemplateFit | undefined;
  for (const template of Object.values(STAGE_TEMPLATES)) {
    const fit = templateFit(template, counts, open);
    if (
      !best ||
      fit.share > best.share ||
      (fit.share === best.share && fit.exactShare > best.exactShare)
    )
      best = fit;
  }
  return best;
}

/** An open stage name's votes: its first spelling, deals naming it, first deal's index. */
interface StageNameCount {
  name: string;
  count: number;
  first: number;
}

/**
 * The open deals' stage names by normalized name, with the number of voting deals: deals not
 * won or lost, naming a non-blank stage that is no won/lost name.
 */
function openStageCounts(table: RecordTable<Deal>): {
  counts: Map<string, StageNameCount>;
  open: number;
} {
  const counts = new Map<string, StageNameCount>();
  let open = 0;
  const stageTexts = table.codes('stage');
  const statuses = table.codes('status');
  // Stage texts repeat: normalize each distinct one once (entryOf, by its code); null marks a
  // blank or won/lost name, which does not vote.
  const entryOf = new Array<StageNameCount | null | undefined>(stageTexts?.dictionary.length ?? 1);
  for (let index = 0; index < table.size; index += 1) {
    const status = statuses?.dictionary[statuses.codes[index]!];
    if (status === 'won' || status === 'lost') continue;
    const code = stageTexts?.codes[index] ?? 0;
    let entry = entryOf[code];
    if (entry === undefined) {
      const stage = stageTexts?.dictionary[code] as string;
      const key = normalizeStageName(stage);
      if (key === '' || WON.has(key) || LOST.has(key)) entry = null;
      else {
        entry = counts.get(key) ?? { name: stage.trim(), count: 0, first: index };
        counts.set(key, entry);
      }
      entryOf[code] = entry;
    }
    if (entry === null) continue;
    open += 1;
    entry.count += 1;
  }
  return { counts, open };
}

/** The template built from the open stage names, when no built-in one matches enough. */
function templateFromData(
  counts: Map<string, StageNameCount>,
  stageChanges: readonly StageChange[],
  minMatch: number,
  best: { template: StageTemplate; share: number } | undefined,
): ResolveTemplateResult {
  const { stages, how } = stagesFromData(counts, stageChanges);
  const bestText = best ? `${percent(best.share)} (${best.template.key})` : '0%';
  return {
    template: {
      key: 'from-data',
      name: 'Stages found in the data',
      nameZh: '数据中的阶段',
      stages,
    },
    choice: {
      key: 'from-data',
      name: 'Stages found in the data',
      reason: `no built-in template matches at least ${percent(minMatch)} of the open deals (best ${bestText}); the ${stages.length} open stage names in the data are used, ordered ${how}, with win rates learned from closed deals`,
      matchedShare: 1,
    },
  };
}

/**
 * The template the user named: a built-in key looked up, a template object as given.
 *
 * Formula: none, a lookup. Blanks: not applicable (an undefined template is the caller's
 * resolveTemplate choosing from the data).
 *
 * @param template - 'six', 'key-account', 'generic' or a StageTemplate.
 * @returns the template.
 * @throws PipecastError naming the key when `template` is an unknown key.
 * @example userTemplate('six').stages.length // 6
 */
export function userTemplate(template: StageTemplateKey | StageTemplate): StageTemplate {
  const found = typeof template === 'string' ? STAGE_TEMPLATES[template] : template;
  if (!found)
    throw new PipecastError(
      'invalid-option',
      `resolveTemplate: unknown template ${JSON.stringify(template)}; use six, key-account, generic, salesforce, hubspot or a template object`,
    );
  return found;
}

/**
 * The choice record of a user-named template.
 *
 * Formula: matchedShare = open deals whose stage the template recognises ÷ open deals that vote
 * (see resolveTemplate), 0 without any. Blanks: blank stage names do not vote.
 *
 * @param template - the user's template.
 * @param matchedShare - share of voting open deals it recognises, 0–1.
 * @returns key, name, reason 'chosen by the user' and the share.
 * @throws never.
 * @example userTemplateChoice(STAGE_TEMPLATES.six, 1).reason // 'chosen by the user'
 */
export function userTemplateChoice(template: StageTemplate, matchedShare: number): TemplateChoice {
  return { key: template.key, name: template.name, reason: 'chosen by the user', matchedShare };
}

function stagesFromData(
  counts: Map<string, { name: string; count: number; first: number }>,
  history: readonly StageChange[],
): { stages: StageDefinition[]; how: string } {
  const entries = [...counts.entries()];
  let how = 'by first appearance';
  let rank: (key: string) => number = () => 0;
  const position = historyPositions(history);
  const knownRank = new Map<string, number>();
  KNOWN_STAGE_ORDER.forEach((names, i) =>
    names.forEach((n) => knownRank.set(normalizeStageName(n), i)),
  );
  if (entries.some(([key]) => position.has(key))) {
    how = 'by their average position in the stage history';
    rank = (key) => position.get(key) ?? Number.POSITIVE_INFINITY;
  } else if (entries.some(([key]) => knownRank.has(key))) {
    how =
      'by common CRM stage order (prospecting < qualification < engaging < proposal < negotiation), unknown names last';
    rank = (key) => knownRank.get(key) ?? Number.POSITIVE_INFINITY;
  }
  entries.sort(([a, ea], [b, eb]) => rank(a) - rank(b) || ea.first - eb.first);
  const stages = entries.map(([key, entry], order) => ({
    key,
    name: entry.name,
    nameZh: entry.name,
    order,
    category: 'pipeline' as const,
    aliases: [],
  }));
  return { stages, how };
}

/** Average 0-based position of each stage name within its deal's date-sorted history. */
function historyPositions(history: readonly StageChange[]): Map<string, number> {
  const byDeal = new Map<string, StageChange[]>();
  for (const change of history) {
    const list = byDeal.get(change.dealId);
    if (list) list.push(change);
    else byDeal.set(change.dealId, [change]);
  }
  const sums = new Map<string, { sum: number; n: number }>();
  for (const list of byDeal.values()) {
    const sorted = [...list].sort((a, b) => a.date - b.date || a.row - b.row);
    sorted.forEach((change, i) => {
      const key = normalizeStageName(change.stage);
      if (WON.has(key) || LOST.has(key)) return;
      const s = sums.get(key) ?? { sum: 0, n: 0 };
      s.sum += i;
      s.n += 1;
      sums.set(key, s);
    });
  }
  return new Map([...sums].map(([k, s]) => [k, s.sum / s.n]));
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
