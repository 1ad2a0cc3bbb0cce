import { PipecastError } from '../errors/pipecast-error.js';

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

export interface RfmSegmentInfo {
  key: RfmSegmentKey;
  /** English name as in DOMAIN.md. */
  name: string;
  /** Standard Chinese name. */
  nameZh: string;
}

/** The 11 segments, best first: the order a UI lists them in. */
export const RFM_SEGMENTS: readonly RfmSegmentInfo[] = [
  { key: 'champions', name: 'Champions', nameZh: '冠军客户' },
  { key: 'loyal', name: 'Loyal', nameZh: '忠诚客户' },
  { key: 'potential-loyalist', name: 'Potential loyalist', nameZh: '潜在忠诚客户' },
  { key: 'new', name: 'New', nameZh: '新客户' },
  { key: 'promising', name: 'Promising', nameZh: '有潜力客户' },
  { key: 'need-attention', name: 'Need attention', nameZh: '需要关注' },
  { key: 'about-to-sleep', name: 'About to sleep', nameZh: '即将沉睡' },
  { key: 'at-risk', name: 'At risk', nameZh: '有风险' },
  { key: 'cant-lose', name: "Can't lose", nameZh: '不能失去' },
  { key: 'hibernating', name: 'Hibernating', nameZh: '休眠客户' },
  { key: 'lost', name: 'Lost', nameZh: '流失客户' },
];

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
