/**
 * The report being written: lines go to numbered sections (runs interleave sizes, the report reads by section)
 * and are echoed to stderr as the run goes.
 */
import type { Summary } from './measure.js';

const sections = new Map<number, string[]>();
let current = 0;

/** Lines said from now on belong to this section. */
export function inSection(n: number): void {
  current = n;
}

export function say(line = ''): void {
  sections.set(current, [...(sections.get(current) ?? []), line]);
  process.stderr.write(`${line}\n`);
}

/** The whole report, sections in order. */
export function report(): string {
  return [...sections.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, lines]) => lines.join('\n').trimEnd())
    .join('\n\n');
}

export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
export const fmt = (s: Summary): string => `${ms(s.median)} ms (p99 ${ms(s.p99)}, n=${s.runs})`;
/** How many times faster `ours` is than `theirs` (both durations). */
export const ratio = (ours: number, theirs: number): string => `${(theirs / ours).toFixed(1)}×`;
