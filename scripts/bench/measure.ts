/** Timing helpers: repeated runs in one process, summarised by median and spread. */

export interface Summary {
  median: number;
  p99: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Milliseconds each call of `fn` takes, over `runs` calls after `warmup` unmeasured ones. */
export async function timeEach(fn: (i: number) => unknown, runs: number, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const rssMiB = (): number => process.memoryUsage().rss / 1048576;

/** Seeded PRNG (mulberry32): every run uses the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
}
