/** Text rendering of a metadata evaluation: per-field accuracy by group, references, headings, unreadable files, misses. */
import { METADATA_FIELDS, type FieldScore, type GroupReport, type MetadataReport } from '../eval/metadata-eval.js';

const pct = (n: number, d: number) => (d === 0 ? '     —' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const cell = (s: FieldScore) => `${`${s.correct}/${s.total}`.padStart(7)} ${pct(s.correct, s.total)}`;
const show = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

function referenceLine(label: string, g: GroupReport): string {
  const r = g.references;
  const f = g.falseReferences;
  return `${label.padEnd(10)} recall ${`${r.found}/${r.expected}`.padStart(9)} ${pct(r.found, r.expected)}   false references ${String(f.count).padStart(4)} in ${f.documents} documents with complete lists`;
}

export function formatMetadataReport(report: MetadataReport, verbose: boolean): string {
  const { all, formal, articles } = report;
  const lines = [`${'field'.padEnd(12)} ${'all'.padStart(14)} ${'formal'.padStart(14)} ${'articles'.padStart(14)}`];
  lines.push(`${'documents'.padEnd(12)} ${String(all.documents).padStart(14)} ${String(formal.documents).padStart(14)} ${String(articles.documents).padStart(14)}`);
  for (const f of METADATA_FIELDS) lines.push(`${f.padEnd(12)} ${cell(all.fields[f])} ${cell(formal.fields[f])} ${cell(articles.fields[f])}`);
  lines.push('', 'references', referenceLine('all', all), referenceLine('formal', formal), referenceLine('articles', articles));
  const h = report.headings;
  lines.push('', `formal documents with headings: ${h.documents}; passages under a heading ${h.underHeading}/${h.passages} ${pct(h.underHeading, h.passages)}`);
  if (report.unreadable.length > 0) {
    lines.push('', `unreadable (${report.unreadable.length}, every field counted as a miss):`);
    for (const u of report.unreadable) lines.push(`  ${u.file}: ${u.error}`);
  }
  if (verbose) {
    lines.push('', `misses (${report.misses.length}): file | field | expected | got`);
    for (const m of report.misses) lines.push(`  ${m.file} | ${m.field} | ${show(m.expected)} | ${show(m.got)}`);
  }
  return `${lines.join('\n')}\n`;
}
