/**
 * `npm run search -- "<query>" [--k N] [--mode M] [--json] [--index DIR]`
 *   [--kind K] [--issuer I] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--number N] [--author A] [--document ID] [--term XII]
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import type { SearchResponse } from '../core/types.js';
import { FILTER_NAMES } from '../core/filters.js';
import { search } from '../search/search.js';
import { HttpError } from '../serve/http-error.js';
import { parseSearchParams } from '../serve/search-params.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';

function formatResponse(r: SearchResponse): string {
  const out = [`mode: ${r.mode}`, ''];
  out.push(r.answer ? `Trả lời: ${r.answer.text}` : 'Không tìm thấy câu trả lời phù hợp.', '');
  for (const res of r.results) {
    out.push(`[${res.rank}] ${res.document.title ?? res.document.id}${res.document.date ? ` (${res.document.date})` : ''}`);
    out.push(`    ${res.document.source ?? ''}  ${res.passage.section ? `§ ${res.passage.section}  ` : ''}chars ${res.passage.start}–${res.passage.end}`);
    out.push(`    ${res.passage.text.replace(/\s+/g, ' ').slice(0, 240)}…`, '');
  }
  return out.join('\n');
}

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      k: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'boolean', default: false },
      index: { type: 'string' },
      ...Object.fromEntries(FILTER_NAMES.map((name) => [name, { type: 'string' as const }])),
    },
  });
  let params;
  try {
    params = parseSearchParams({ ...values, q: positionals.join(' ') });
  } catch (err) {
    if (err instanceof HttpError) {
      log(
        `error: ${err.message}\nusage: npm run search -- "<query>" [--k N] [--mode hybrid|lexical|dense] [--json] [--index DIR]` +
          ' [--kind K] [--issuer I] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--number N] [--author A] [--document ID] [--term XII]',
      );
      return 2;
    }
    throw err;
  }
  const handle = await openConfiguredIndex(values.index ?? readConfig().indexDir, { access: 'read' });
  try {
    const response = await search(handle, params.q, { k: params.k, mode: params.mode, filters: params.filters });
    process.stdout.write(values.json ? `${JSON.stringify(response)}\n` : `${formatResponse(response)}\n`);
  } finally {
    handle.close();
  }
});
