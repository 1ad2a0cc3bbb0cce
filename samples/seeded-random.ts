import { seededRandom } from '../core/funnel/seeded-random.js';

export { seededRandom };

/** Helpers over one random stream. */
export function randomTools(random: () => number) {
  return {
    int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    chance: (p: number) => random() < p,
  };
}
