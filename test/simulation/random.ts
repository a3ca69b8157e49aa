// Seeded randomness. Every draw is keyed by what it is about (the seed, the family, the step), not
// by the order of draws, so two what-if runs with the same seed meet the same families and the same
// people, and a change in one place does not reshuffle everything after it.
import type { Delay } from './parameters';

/** FNV-1a over the key's parts: a 32-bit seed for one stream of draws. */
function hashKey(parts: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast and good enough for a simulation (not for secrets). */
export function randomStream(...key: ReadonlyArray<string | number>): () => number {
  let state = hashKey(key);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const chance = (random: () => number, probability: number): boolean =>
  random() < probability;

export const between = (random: () => number, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

/** Days a party takes: uniform within the typical days, or in the tail beyond them. */
export function delayDays(random: () => number, delay: Delay): number {
  return chance(random, delay.tailShare)
    ? between(random, delay.typical + 1, delay.tail)
    : between(random, 0, delay.typical);
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let point = random() * total;
  for (const [key, weight] of entries) {
    point -= weight;
    if (point < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** A UUID-shaped id (version nibble 7) from a random stream: case ids the run can repeat. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '7';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
