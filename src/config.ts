/** Settings read from the environment, with the defaults a fresh clone runs on. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseApiKeys } from './core/api-keys.js';
import { defaultLexicalThreads } from './store/lexical-pool.js';
import { type EngineConfig, readEngineConfig } from './store/solr/solr-config.js';

export { type EngineConfig, readEngineConfig };

/** Generous for people, and a brake on a runaway client. */
export const DEFAULT_SEARCHES_PER_MINUTE = 6000;

export interface Config {
  indexDir: string;
  port: number;
  host: string | undefined;
  corpusDir: string;
  apiKeys: string[];
  /** Searches per minute per client address; 0 turns the limit off. */
  searchesPerMinute: number;
  /** Worker threads scoring lexical searches beside the request thread; 0 scores them on it. */
  lexicalThreads: number;
  /** ENGINE=embedded (the index folder, default) or ENGINE=solr with SOLR_URL, SOLR_COLLECTION, … (src/store/solr/solr-config.ts). */
  engine: EngineConfig;
  /**
   * ENGINE=solr: the folder keeping the upload jobs' states (`jobs.sqlite`), so GET /api/jobs/:id answers after a
   * restart; one folder per server process. The embedded engine keeps them in its index folder instead.
   */
  jobsDir: string;
}

/**
 * The most LEXICAL_THREADS may ask for: twice the cores, at least 16. More threads cannot score faster than the cores
 * allow, and each holds memory of its own (1,000 threads started 1,066 and took 5.2 GB).
 */
export const maxLexicalThreads = (): number => Math.max(16, 2 * availableParallelism());

function lexicalThreads(raw: string | undefined): number {
  const n = wholeNumber(raw, 'LEXICAL_THREADS', defaultLexicalThreads());
  const max = maxLexicalThreads();
  if (n > max) throw new Error(`LEXICAL_THREADS must be at most ${max} (twice the ${availableParallelism()} cores, at least 16); got "${raw}"`);
  return n;
}

function wholeNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number; got "${raw}"`);
  return n;
}

/** The configuration from `env`; an empty variable counts as unset (INDEX_DIR= is the default folder, not the current one). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number; got "${env.PORT}"`);
  return {
    indexDir: resolve(env.INDEX_DIR || 'indexes/default'),
    port,
    host: env.HOST || undefined,
    corpusDir: resolve(env.CORPUS_DIR || 'corpus'),
    apiKeys: parseApiKeys(env.API_KEYS),
    searchesPerMinute: wholeNumber(env.SEARCH_RATE_LIMIT, 'SEARCH_RATE_LIMIT', DEFAULT_SEARCHES_PER_MINUTE),
    lexicalThreads: lexicalThreads(env.LEXICAL_THREADS),
    engine: readEngineConfig(env),
    jobsDir: resolve(env.JOBS_DIR || 'indexes/jobs'),
  };
}
