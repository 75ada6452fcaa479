/**
 * Autocomplete on the Solr engine: the same in-memory catalog of numbers and titles as the embedded engine's
 * (src/store/document-catalog.ts), built from the collection's document records and rebuilt when it is older than
 * `maxAgeMs`, in the background while the previous one keeps answering: other processes write to the collection
 * too, so a document another writer stored appears within that time.
 */
import { DocumentCatalog, type Suggestion } from '../document-catalog.js';
import type { SolrHttp } from './solr-http.js';
import { isoDate, str } from './solr-records.js';
import { select } from './solr-search.js';

/** How long a catalog answers before it is read again (milliseconds). */
export const CATALOG_MAX_AGE_MS = 5_000;

/** `suggest(typed, limit)` over a catalog of the collection's documents. */
export function solrSuggester(http: SolrHttp, collection: string, maxAgeMs = CATALOG_MAX_AGE_MS): (typed: string, limit: number) => Promise<Suggestion[]> {
  let current: { catalog: DocumentCatalog; at: number } | null = null;
  let reading: Promise<DocumentCatalog> | null = null;
  const read = (): Promise<DocumentCatalog> => {
    reading ??= select(http, collection, [['q', '{!term f=type}document'], ['fl', 'document_id,number,title,kind,term,date'], ['rows', '1000000']])
      .then((records) => {
        const catalog = DocumentCatalog.build(
          records.map((d) => ({ id: d.document_id as string, number: str(d.number), title: str(d.title), kind: String(d.kind), term: str(d.term), date: isoDate(d.date) })),
        );
        current = { catalog, at: Date.now() };
        return catalog;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  return async (typed, limit) => {
    if (current === null) return (await read()).suggest(typed, limit);
    // A stale catalog still answers this request; the next ones get the new one.
    if (Date.now() - current.at > maxAgeMs) read().catch(() => undefined);
    return current.catalog.suggest(typed, limit);
  };
}
