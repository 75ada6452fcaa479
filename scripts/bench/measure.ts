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
