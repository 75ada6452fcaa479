/** What every section of a benchmark run shares. */
export interface BenchContext {
  /** Small sizes and fewer repetitions: a run of a few minutes. */
  quick: boolean;
  /** A scratch folder, removed at the end of the run. */
  work: string;
}
