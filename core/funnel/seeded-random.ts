/**
 * A seeded pseudo-random generator (mulberry32): 32-bit state, period 2^32, uniform floats in
 * [0, 1) with 32-bit resolution. Reproducible on every JS engine for a given seed.
 *
 * @param seed - any integer; only its low 32 bits are used.
 * @returns a function giving the next number in [0, 1).
 * @example const next = seededRandom(42); next(); // always the same first value for seed 42
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
