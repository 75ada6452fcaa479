/**
 * `npm run search -- "<query>" [--k N] [--mode M] [--json] [--index DIR]`
 *   [--kind K] [--issuer I] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--number N] [--author A] [--signer S]
 *   [--status in-force|not-yet-in-force|partly-in-force|no-longer-in-force] [--document ID] [--term XII]
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { UserError } from '../core/errors.js';
import { FILTER_NAMES } from '../core/filters.js';
import { parseSearchRequest, type SearchRequest } from '../core/search-request.js';
import { search } from '../search/search.js';
import { formatResponse } from './format-results.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';

const USAGE =
  'usage: npm run search -- "<query>" [--k N] [--mode hybrid|lexical|dense] [--json] [--index DIR]' +
  ' [--kind K] [--issuer I] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--number N] [--author A] [--signer S]' +
  ' [--status in-force|not-yet-in-force|partly-in-force|no-longer-in-force] [--document ID] [--term XII]';

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
  let params: SearchRequest;
  try {
    params = parseSearchRequest({ ...values, q: positionals.join(' ') });
  } catch (err) {
    if (err instanceof UserError) {
      log(`error: ${err.message}\n${USAGE}`);
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
