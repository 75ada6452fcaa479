/**
 * `npm run relations -- <id or number> [--json] [--index DIR]`: the typed relations of one stored document both ways
 * (what it says of others, what indexed documents say of it) and its effective validity, as GET
 * /api/documents/:id/relations gives them. Reads the store only: no model, no search index.
 */
import { join } from 'node:path';
import { readConfig } from '../config.js';
import { canonicalNumber } from '../core/references.js';
import { UserError } from '../core/errors.js';
import { requireIndex, STORE_FILE } from '../store/open-index.js';
import { openStoreForReading } from '../store/read-store.js';
import { relationsOf } from '../store/relation-graph.js';
import { storeDocumentReads } from '../store/store-reads.js';
import { commandLine, INDEX_OPTION_HELP } from './command-line.js';
import { formatRelations } from './format-relations.js';
import { runMain } from './open-configured-index.js';

const program = commandLine({
  name: 'npm run relations --',
  description:
    'Show what a stored document says of other documents (căn cứ, hướng dẫn, sửa đổi bổ sung, thay thế, bãi bỏ, thực hiện) ' +
    'and what indexed documents say of it, each with the sentence that says so, and its validity. Reads the index without writing to it.',
  examples: [
    ['npm run -s relations -- 45-CT/TW', 'by number: the directive and what it replaced'],
    ['npm run -s relations -- 3f2a…', 'by document id (as search results and the API give it)'],
    ['npm run -s relations -- 35-CT/TW --json | jq .validity', 'the API response as JSON'],
  ],
})
  .argument('<document>', 'a document id, or a document number (22-NQ/TW, 19/2023/NĐ-CP)')
  .option('--json', 'print the API response as one JSON object')
  .option('--index <dir>', INDEX_OPTION_HELP);

runMain(async () => {
  program.parse();
  const values = program.opts<{ json?: boolean; index?: string }>();
  const wanted = program.args[0]!.normalize('NFC').trim();
  const dir = values.index ?? readConfig().indexDir;
  requireIndex(dir);
  const store = openStoreForReading(join(dir, STORE_FILE));
  try {
    const id = store.hasDocument(wanted) ? wanted : store.documentsNumbered([canonicalNumber(wanted)])[0];
    const relations = id === undefined ? null : await relationsOf(storeDocumentReads(store), id);
    if (id === undefined || relations === null) throw new UserError('document_not_found', `no stored document has the id or number "${wanted}"`);
    const title = store.documentSummaries([id]).get(id)?.title ?? null;
    process.stdout.write(values.json ? `${JSON.stringify(relations)}\n` : `${formatRelations(relations, title)}\n`);
  } finally {
    store.close();
  }
});
