/** The embedding-server settings read from the environment (README, "Configuration"). */
import { SERVER_DEFAULTS, type PrefixMode, type ServerEmbedderOptions } from './server-embedder.js';

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}"`);
  return n;
}

/**
 * The server embedder's options when EMBEDDINGS_URL is set, else null (the in-process model is used). EMBEDDINGS_MODEL
 * is then required; EMBEDDINGS_API_KEY, EMBEDDINGS_PREFIXES (`client` | `server`), EMBEDDINGS_QUERY_PREFIX,
 * EMBEDDINGS_PASSAGE_PREFIX, EMBEDDINGS_DIMENSION, EMBEDDINGS_BATCH_SIZE, EMBEDDINGS_TIMEOUT_MS and
 * EMBEDDINGS_RETRIES are optional. Throws on a malformed value.
 */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerEmbedderOptions | null {
  const url = env.EMBEDDINGS_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error(`EMBEDDINGS_URL must be an http:// or https:// address; got "${url}"`);
  const model = env.EMBEDDINGS_MODEL?.trim();
  if (!model) throw new Error('EMBEDDINGS_MODEL must name the model the server runs (it is sent with every request and recorded beside every vector)');
  const prefixes = (env.EMBEDDINGS_PREFIXES?.trim() || SERVER_DEFAULTS.prefixes) as PrefixMode;
  if (prefixes !== 'client' && prefixes !== 'server') throw new Error(`EMBEDDINGS_PREFIXES must be client or server; got "${prefixes}"`);
  const dimension = count(env, 'EMBEDDINGS_DIMENSION', 0, 1);
  return {
    url,
    model,
    apiKey: env.EMBEDDINGS_API_KEY?.trim() || null,
    prefixes,
    queryPrefix: env.EMBEDDINGS_QUERY_PREFIX ?? SERVER_DEFAULTS.queryPrefix,
    passagePrefix: env.EMBEDDINGS_PASSAGE_PREFIX ?? SERVER_DEFAULTS.passagePrefix,
    dimension: dimension === 0 ? null : dimension,
    batchSize: count(env, 'EMBEDDINGS_BATCH_SIZE', SERVER_DEFAULTS.batchSize, 1),
    timeoutMs: count(env, 'EMBEDDINGS_TIMEOUT_MS', SERVER_DEFAULTS.timeoutMs, 1),
    retries: count(env, 'EMBEDDINGS_RETRIES', SERVER_DEFAULTS.retries, 0),
    backoffMs: SERVER_DEFAULTS.backoffMs,
  };
}
