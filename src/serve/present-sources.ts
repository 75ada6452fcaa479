/**
 * How the API shows where a document came from. The store keeps a file's path relative to the working folder when
 * inside it, absolute otherwise (src/ingest/source-key.ts), and keeps it so: it is the key that finds the file again.
 * The API answers anyone who may read, so an absolute path under the corpus folder (CORPUS_DIR outside the working
 * folder) is shown from the corpus folder's own name: `/srv/data/corpus/party-web-articles/x.md` with
 * CORPUS_DIR=/srv/data/corpus is `corpus/party-web-articles/x.md`. Other sources are shown as stored.
 */
import { basename, isAbsolute, relative, sep } from 'node:path';

/** `source` as the API shows it, for a server whose corpus folder is `corpusDir` (absolute). */
export function presentSource(source: string, corpusDir: string): string {
  if (!isAbsolute(source)) return source;
  const rel = relative(corpusDir, source);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return source;
  return [basename(corpusDir), ...rel.split(sep)].join('/');
}

/**
 * A JSON replacer (express's `json replacer` setting) showing every `source` string and `sources` list of a response
 * with `presentSource`: the document's `sources`, a search result's, a similar document's and a citation's
 * `document.source`. Nothing stored changes.
 */
export function sourceReplacer(corpusDir: string): (key: string, value: unknown) => unknown {
  return (key, value) => {
    if (key === 'source' && typeof value === 'string') return presentSource(value, corpusDir);
    if (key === 'sources' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? presentSource(v, corpusDir) : v));
    return value;
  };
}
