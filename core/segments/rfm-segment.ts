import { PipecastError } from '../errors/pipecast-error.js';
import { textFor } from '../text/catalogue.js';

/** Keys of the 11 RFM segments of ../shared/DOMAIN.md. */
export type RfmSegmentKey =
  | 'champions'
  | 'loyal'
  | 'potential-loyalist'
  | 'new'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cant-lose'
  | 'hibernating'
  | 'lost';

/** The English names of the segments: the catalogue's chart keys for them. */
type RfmSegmentName =
  | 'Champions'
  | 'Loyal'
  | 'Potential loyalist'
  | 'New'
  | 'Promising'
  | 'Need attention'
  | 'About to sleep'
  | 'At risk'
  | "Can't lose"
  | 'Hibernating'
  | 'Lost';

export interface RfmSegmentInfo {
  key: RfmSegmentKey;
  /** English name as in DOMAIN.md. */
  name: string;
  /** Standard Chinese name. */
  nameZh: string;
}

/** Segment keys and English names (DOMAIN.md), best first: the order a UI lists them in. */
const RFM_SEGMENT_NAMES: readonly (readonly [RfmSegmentKey, RfmSegmentName])[] = [
  ['champions', 'Champions'],
  ['loyal', 'Loyal'],
  ['potential-loyalist', 'Potential loyalist'],
  ['new', 'New'],
  ['promising', 'Promising'],
  ['need-attention', 'Need attention'],
  ['about-to-sleep', 'About to sleep'],
  ['at-risk', 'At risk'],
  ['cant-lose', "Can't lose"],
  ['hibernating', 'Hibernating'],
  ['lost', 'Lost'],
];

/**
 * The 11 segments, best first. Both names come from the text catalogue's chart section, so
 * tables, the CLI and the segment map call a segment by the same name.
 */
export const RFM_SEGMENTS: readonly RfmSegmentInfo[] = RFM_SEGMENT_NAMES.map(([key, name]) => ({
  key,
  name: textFor('en', `chart.${name}`),
  nameZh: textFor('zh', `chart.${name}`),
}));

/** DOMAIN.md's grid: RFM_GRID[r - 1][fm - 1]; rows R 1…5, columns FM 1…5. */
const RFM_GRID: readonly (readonly RfmSegmentKey[])[] = [
  ['lost', 'lost', 'hibernating', 'at-risk', 'cant-lose'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
  ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'champions'],
  ['new', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
];

/**
 * FM score: the mean of F and M rounded half up (../shared/DOMAIN.md).
 *
 * Formula: FM = floor((F + M) ÷ 2 + 0.5), which for integer scores is floor((F + M + 1) ÷ 2).
 *
 * @param f Frequency score 1–5.
 * @param m Monetary score 1–5.
 * @returns FM score 1–5.
 * @throws PipecastError when a score is not an integer 1–5.
 * @example fmScore(4, 5) // 5
 */
export function fmScore(f: number, m: number): number {
  checkScore('fmScore', 'f', f);
  checkScore('fmScore', 'm', m);
  return Math.floor((f + m + 1) / 2);
}

/**
 * The named segment of an R score and an FM score, from DOMAIN.md's grid (each cell has exactly
 * one segment, so segments never overlap).
 *
 * @param r Recency score 1–5.
 * @param fm FM score 1–5 (see fmScore).
 * @returns The segment's key and its English and Chinese names.
 * @throws PipecastError when a score is not an integer 1–5.
 * @example rfmSegment(5, 1).name // 'New'
 */
export function rfmSegment(r: number, fm: number): RfmSegmentInfo {
  checkScore('rfmSegment', 'r', r);
  checkScore('rfmSegment', 'fm', fm);
  const key = RFM_GRID[r - 1]![fm - 1]!;
  return SEGMENT_BY_KEY.get(key)!;
}

const SEGMENT_BY_KEY = new Map(RFM_SEGMENTS.map((s) => [s.key, s]));

function checkScore(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new PipecastError('invalid-input', `${fn}: ${name} must be an integer 1–5, got ${value}`);
  }
}
