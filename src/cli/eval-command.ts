/**
 * `npm run eval -- --queries FILE [--index DIR] [--json]`: development queries (JSONL) against an index, in every
 *   mode the installed model allows, per query kind.
 * `npm run eval -- --vire FILE [--mode M] [--json]`: the ViRE protocol on one of its CSVs.
 * With ENGINE=solr (SOLR_URL …), --queries reads the configured collection and --vire / --alqac build a temporary one.
 * `npm run eval -- --alqac DIR [--mode M] [--json]`: ALQAC 2022 over all articles.
 * `npm run eval -- --metadata FILE [--corpus DIR] [--json] [--verbose]`: document metadata against a labeled set
 *   (paths in it relative to --corpus, by default ../shared/corpus); per-field accuracy, references, headings.
 * `npm run eval -- --ocr SCAN --truth TEXT [--json]`: OCR character error rate of a scan before and after repair,
 *   pages per minute, fields read (docs/EVALUATION.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { readConfig } from '../config.js';
import type { SearchMode } from '../core/types.js';
import { formatFusionSpec, parseFusionSpec } from '../core/fuse.js';
import { openEmbedder } from '../embed/open-embedder.js';
import { fusionForModel } from '../embed/model-spec.js';
import { loadAlqac, loadVire } from '../eval/benchmarks.js';
import { evaluateBenchmark, evaluateEngineQueries, readDevQueries } from '../eval/evaluate.js';
import { temporarySolrCollection } from '../eval/solr-target.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { SolrConfig } from '../store/solr/solr-config.js';
import { solrEngine } from '../store/solr/solr-engine.js';
import { evaluateMetadata, parseMetadataSet } from '../eval/metadata-eval.js';
import { evaluateOcr, formatOcrReport } from '../eval/ocr-eval.js';
import type { Metrics } from '../eval/metrics.js';
import { openIndex, requireIndex } from '../store/open-index.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT, usageError } from './command-line.js';
import { formatMetadataReport } from './format-metadata-report.js';
import { log, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

const MODES: SearchMode[] = ['lexical', 'dense', 'hybrid'];
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

function row(label: string, m: Metrics): string {
  return `${label.padEnd(24)} ${String(m.queries).padStart(5)} ${pct(m['ndcg@10'])} ${pct(m['mrr@10'])} ${pct(m['recall@1'])} ${pct(m['recall@5'])} ${pct(m['recall@10'])}`;
}
const HEADER = `${'set'.padEnd(24)} ${'n'.padStart(5)} ${'nDCG10'.padStart(6)} ${'MRR10'.padStart(6)} ${'R@1'.padStart(6)} ${'R@5'.padStart(6)} ${'R@10'.padStart(6)}`;

const program = commandLine({
  name: 'npm run eval --',
  description:
    'Measure quality. --queries: development queries (JSONL) against an index, in every mode the installed model ' +
    'allows, per query kind (reads the index without writing). --vire / --alqac: a public benchmark, indexed in ' +
    'memory (docs/EVALUATION.md). --metadata: extracted document fields against a labeled set (no model, no index).',
  examples: [
    ['npm run eval -- --queries test/eval/dev-queries.jsonl', 'nDCG, MRR and recall per mode and query kind'],
    ['npm run eval -- --vire ../shared/bench/vire/ALQAC.csv --mode lexical', 'the ViRE protocol, lexical ranking'],
    ['npm run eval -- --alqac ../shared/bench/alqac2022 --json', 'ALQAC 2022 over all articles, as JSON'],
    ['npm run eval -- --metadata test/eval/metadata-dev.jsonl --verbose', 'per-field accuracy, listing each miss'],
    ['npm run eval -- --ocr ../shared/corpus/decrees/100_2.pdf --truth ../shared/corpus/decrees/nd100_2019.pdf', 'OCR error rate before and after repair'],
  ],
  environment: [...MODEL_ENVIRONMENT, ['ENGINE, SOLR_URL, SOLR_COLLECTION', 'ENGINE=solr: --queries reads the configured collection, --vire / --alqac build a temporary one']],
})
  .option('--queries <file>', 'development queries, one JSON object per line: {"query", "relevant", "kind"?}')
  .option('--vire <file>', 'one of the ViRE benchmark CSVs')
  .option('--alqac <dir>', 'the ALQAC 2022 folder')
  .option('--metadata <file>', 'a labeled set of documents (JSONL), paths relative to --corpus')
  .option('--index <dir>', `with --queries: ${INDEX_OPTION_HELP}`)
  .addOption(
    new Option('--mode <mode>', 'with --vire or --alqac: how to rank; all = every mode over one index (the corpus embedded once)')
      .choices([...MODES, 'all'])
      .default('hybrid'),
  )
  .option('--fusion <spec>', 'hybrid fusion instead of the model\'s: method[:lexicalWeight[:depth[:k]]], e.g. zscore:0.8:50, rrf')
  .option('--corpus <dir>', 'with --metadata: the folder its paths are relative to', '../shared/corpus')
  .option('--verbose', 'with --metadata: list each miss')
  .option('--ocr <file>', 'a scanned PDF or page image to recognise (needs tesseract-ocr, tesseract-ocr-vie, poppler-utils)')
  .option('--truth <file>', 'with --ocr: a text of the same document (DOCX, text PDF, text), clipped to what the scan covers')
  .option('--json', 'print the report as one JSON object on stdout');

interface EvalOptions {
  queries?: string;
  vire?: string;
  alqac?: string;
  metadata?: string;
  ocr?: string;
  truth?: string;
  index?: string;
  mode: SearchMode | 'all';
  fusion?: string;
  corpus: string;
  verbose?: boolean;
  json?: boolean;
}

runMain(async () => {
  const values = program.parse().opts<EvalOptions>();
  const verbose = values.verbose === true;
  if (values.metadata) {
    // Metadata needs no model and no index: each labeled file goes through extractText and prepareDocument.
    const labels = parseMetadataSet(readFileSync(values.metadata, 'utf8'), values.metadata);
    const bar = createProgress('metadata');
    const report = await evaluateMetadata(labels, resolve(values.corpus), (d, t) => bar.update(d, t));
    bar.stop();
    if (values.json) process.stdout.write(`${JSON.stringify(verbose ? report : { ...report, misses: undefined })}\n`);
    else process.stdout.write(formatMetadataReport(report, verbose));
    return;
  }
  if (values.ocr) {
    if (!values.truth) return usageError(program, '--ocr needs --truth, a text of the same document');
    const bar = createProgress('pages');
    const report = await evaluateOcr(values.ocr, values.truth, (d, t) => bar.update(d, t));
    bar.stop();
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatOcrReport(report)}\n`);
    return;
  }
  const { mode } = values;
  if (!values.queries && !values.vire && !values.alqac) return usageError(program, 'choose what to measure: --queries, --vire, --alqac, --metadata or --ocr');
  if (values.queries && readConfig().engine.engine !== 'solr') requireIndex(values.index ?? readConfig().indexDir);
  // Read before the model is loaded (seconds): a wrong file is named at once with its line.
  const devQueries = values.queries ? readDevQueries(values.queries) : [];
  const { embedder, message } = await openEmbedder();
  log(message);
  if (!embedder && mode !== 'lexical' && !values.queries) throw new Error(`--mode ${mode} needs a model; use --mode lexical`);
  const base = fusionForModel(embedder?.modelId ?? null);
  let fusion: ReturnType<typeof parseFusionSpec> | undefined;
  try {
    fusion = values.fusion ? parseFusionSpec(values.fusion, base) : undefined;
  } catch (err) {
    return usageError(program, (err as Error).message);
  }
  log(`fusion ${formatFusionSpec(fusion ?? base)}${fusion ? '' : ' (the model\'s)'}`);

  if (values.vire || values.alqac) {
    const bench = values.vire ? loadVire(values.vire) : loadAlqac(values.alqac!);
    const modes = mode === 'all' ? MODES : [mode];
    const bar = createProgress(bench.name);
    const started = performance.now();
    // ENGINE=solr: the corpus goes to a temporary collection of the configured cluster instead of a temporary folder.
    const engine = readConfig().engine;
    const target = engine.engine === 'solr' ? temporarySolrCollection(engine) : undefined;
    const byMode = await evaluateBenchmark(bench, modes, embedder, (d, t) => bar.update(d, t), fusion, target);
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const results = Object.entries(byMode).map(([m, r]) => ({ dataset: bench.name, mode: m, queries: r.queries, 'ndcg@10': r['ndcg@10'], 'mrr@10': r['mrr@10'], 'recall@10': r['recall@10'] }));
    if (values.json) process.stdout.write(`${results.map((r) => JSON.stringify(r)).join('\n')}\n`);
    else process.stdout.write(`${HEADER}\n${Object.entries(byMode).map(([m, r]) => row(`${bench.name} ${m}`, r)).join('\n')}\n(${bench.corpus.length} texts; ${seconds} s)\n`);
    return;
  }
  const queries = devQueries;
  // ENGINE=solr: the configured collection, as `npm run search` reads it; otherwise the index folder.
  const configured = readConfig().engine;
  const model = embedder ? { id: embedder.modelId, dimension: embedder.dimension } : null;
  const handle = configured.engine === 'solr' ? null : openIndex(values.index ?? readConfig().indexDir, { embedder, log, access: 'read' });
  const engine = handle ? embeddedEngine(handle) : await solrEngine(configured as SolrConfig, { model, create: false });
  try {
    const modes = embedder && (handle || engine.vectorModel) ? MODES : (['lexical'] as SearchMode[]);
    const reports = Object.fromEntries(await Promise.all(modes.map(async (m) => [m, await evaluateEngineQueries(engine, handle ? handle.embedder : embedder, queries, m, fusion)] as const)));
    if (values.json) process.stdout.write(`${JSON.stringify({ engine: engine.name, model: embedder?.modelId ?? null, queries: queries.length, modes: reports })}\n`);
    else {
      const lines = [HEADER];
      for (const [m, r] of Object.entries(reports)) {
        lines.push(row(`${m} (all)`, r.all));
        for (const [kind, km] of Object.entries(r.byKind)) lines.push(row(`  ${m} ${kind}`, km));
        const a = r.answers;
        lines.push(`  ${m} answers: ${a.coveredAnswered}/${a.covered} covered questions answered, ${a.uncoveredNull}/${a.uncovered} uncovered ones left unanswered`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    if (handle) handle.close();
    else await engine.close();
  }
});
