/**
 * `npm run search -- "<query>" [--k N] [--mode M] [--exact] [--json] [--facets [FIELDS]] [--index DIR]`
 *   [--kind K] [--issuer I] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--number N] [--author A] [--signer S]
 *   [--status in-force|not-yet-in-force|partly-in-force|no-longer-in-force] [--document ID] [--term XII]
 */
import { readConfig } from '../config.js';
import { UserError } from '../core/errors.js';
import { FACET_FIELDS } from '../core/facets.js';
import type { FILTER_NAMES } from '../core/filters.js';
import { DEFAULT_K, MAX_K, parseSearchRequest, type SearchRequest } from '../core/search-request.js';
import { search, searchEngine } from '../search/search.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT, usageError } from './command-line.js';
import { formatResponse } from './format-results.js';
import { openConfiguredSolr } from './open-configured-engine.js';
import { openConfiguredIndex, runMain } from './open-configured-index.js';

/** Each filter of FILTER_NAMES with its help; the values are checked by parseSearchRequest, as the API checks them. */
const FILTER_HELP: Record<(typeof FILTER_NAMES)[number], [string, string]> = {
  kind: ['<kind>', 'only documents of this kind: nghị quyết, chỉ thị, kết luận, quy định, quyết định, công văn, bài viết, …'],
  issuer: ['<name>', 'only documents whose issuer contains this (diacritics ignored)'],
  from: ['<YYYY-MM-DD>', 'only documents dated on or after this day'],
  to: ['<YYYY-MM-DD>', 'only documents dated on or before this day'],
  number: ['<number>', 'only the document of this number (22-NQ/TW, 19/2023/NĐ-CP)'],
  author: ['<name>', "only documents whose author's name contains this"],
  signer: ['<name>', "only documents whose signer's name contains this"],
  status: ['<status>', 'only documents of this validity: in-force, not-yet-in-force, partly-in-force, no-longer-in-force'],
  document: ['<id>', 'only passages of this document'],
  term: ['<term>', 'only documents of this khóa: XIII, 13 or "khóa XIII"'],
};

const program = commandLine({
  name: 'npm run search --',
  description:
    'Search an index from the command line: the same ranking, answer and filters as GET /api/search. ' +
    'Results go to stdout, logs to stderr. Reads the index without writing to it.',
  examples: [
    ['npm run -s search -- "chỉ thị 05 về học tập và làm theo"', 'the ten best passages, with a cited answer'],
    ['npm run -s search -- sinh hoat chi bo --k 3 --mode lexical', 'words without diacritics, lexical ranking only'],
    ['npm run -s search -- duong loi doi ngoai --exact', 'as typed, without restoring the diacritics'],
    ['npm run -s search -- "đảng viên" --issuer "Bộ Chính trị" --from 2021-01-01', 'filtered by issuer and date'],
    ['npm run -s search -- "kết luận" --json | jq .results[0]', 'the API response as JSON'],
    ['npm run -s search -- \'"sinh hoạt chi bộ" -"định kỳ"\'', 'a phrase, without passages that say "định kỳ" (quote the whole query)'],
    ['npm run -s search -- \'"nghị quyết 22" OR "chỉ thị 05"\' --facets kind,year', 'either phrase; counts per kind and year'],
  ],
  environment: [...MODEL_ENVIRONMENT, ['ENGINE, SOLR_URL, SOLR_COLLECTION', 'ENGINE=solr searches a SolrCloud collection instead of the index folder']],
})
  .argument(
    '<query...>',
    'what to search for (the words are joined by spaces); "…" an exact phrase, -word or -"…" leaves out passages with it, ' +
      'A OR B either; quote the whole query when it starts with - (or put -- before it)',
  )
  .option('--k <n>', `how many passages, 1 to ${MAX_K} (default: ${DEFAULT_K})`)
  .option('--mode <mode>', 'hybrid, lexical or dense (default: hybrid with a model, else lexical)')
  .option('--exact', 'search exactly as typed: no Telex/VNI reading, no diacritics restored')
  .option('--json', 'print the API response as one JSON object')
  .option('--facets [fields]', `count matching documents per value of these fields (default: all of ${FACET_FIELDS.join(',')})`)
  .option('--index <dir>', INDEX_OPTION_HELP);
for (const [name, [value, help]] of Object.entries(FILTER_HELP)) program.option(`--${name} ${value}`, help);

runMain(async () => {
  program.parse();
  const values = program.opts<Record<string, string | boolean | undefined>>();
  let params: SearchRequest;
  try {
    const facets = values.facets === true ? FACET_FIELDS.join(',') : values.facets;
    params = parseSearchRequest({ ...values, json: undefined, index: undefined, facets, q: program.args.join(' ') });
  } catch (err) {
    if (err instanceof UserError) return usageError(program, err.message);
    throw err;
  }
  const config = readConfig();
  const options = { k: params.k, mode: params.mode, filters: params.filters, exact: params.exact, facets: params.facets };
  const print = (response: Awaited<ReturnType<typeof search>>) =>
    process.stdout.write(values.json ? `${JSON.stringify(response)}\n` : `${formatResponse(response)}\n`);
  if (config.engine.engine === 'solr') {
    const { engine, embedder } = await openConfiguredSolr(config.engine);
    try {
      print(await searchEngine(engine, embedder, params.q, options));
    } finally {
      await engine.close();
    }
    return;
  }
  const index = typeof values.index === 'string' ? values.index : config.indexDir;
  const handle = await openConfiguredIndex(index, { access: 'read' });
  try {
    print(await search(handle, params.q, options));
  } finally {
    handle.close();
  }
});
