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

/**
 * Milliseconds each call of `fn` takes, over `runs` calls after `warmup` unmeasured ones; a slow subject stops
 * early once `budgetMs` is spent (after at least `minRuns` calls), so one slow peer cannot stall a run.
 */
export async function timeEach(fn: (i: number) => unknown, runs: number, warmup = Math.min(20, runs), budgetMs = 60_000, minRuns = 10): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
    if (i + 1 >= minRuns && performance.now() - started > budgetMs) break;
  }
  return out;
}
