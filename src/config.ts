/** Settings read from the environment, with the defaults a fresh clone runs on. */
import { resolve } from 'node:path';

export interface Config {
  indexDir: string;
  port: number;
  host: string | undefined;
  corpusDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number; got "${env.PORT}"`);
  return {
    indexDir: resolve(env.INDEX_DIR ?? 'indexes/default'),
    port,
    host: env.HOST || undefined,
    corpusDir: resolve(env.CORPUS_DIR ?? 'corpus'),
  };
}
