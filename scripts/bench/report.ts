/** The report being written: lines collected for docs/BENCHMARKS.md and echoed to stderr as the run goes. */
import type { Summary } from './measure.js';

export const lines: string[] = [];

export function say(line = ''): void {
  lines.push(line);
  process.stderr.write(`${line}\n`);
}

export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
export const fmt = (s: Summary): string => `${ms(s.median)} ms (p99 ${ms(s.p99)}, n=${s.runs})`;
export const ratio = (ours: number, theirs: number): string => `${(theirs / ours).toFixed(1)}×`;
