/**
 * HTTP to a SolrCloud cluster (Node's fetch): any node answers for the whole cluster, so a request goes to one node
 * and, when that node does not answer (refused, reset, timed out) or answers 503, to the next; a request that no
 * node answers is retried with backoff until its deadline, then fails with `UserError('engine_unavailable')`.
 * Solr's own refusals map to codes: a missing collection to `no_index`, other 4xx to `engine_rejected`.
 */
import { UserError } from '../../core/errors.js';

export interface SolrHttpOptions {
  /** Timeout of one attempt at one node, ms. */
  attemptTimeoutMs?: number;
  /** How long a request keeps retrying while no node answers it well, ms. */
  deadlineMs?: number;
}

/** A JSON body of Solr's, with the parts every response may carry. */
export interface SolrResponse {
  responseHeader?: { status?: number; QTime?: number; rf?: number };
  error?: { msg?: string; code?: number };
  [key: string]: unknown;
}

/** Statuses another node or a later try may answer well: the node is stopping, has no leader yet, or no live replica. */
const RETRYABLE = new Set([500, 502, 503, 504]);
/**
 * A document Solr cannot index, reported as 500 when the shard leader that refused it is another node ("Async
 * exception during distributed update … ERROR: [doc=…]"): no retry makes it pass.
 */
const REFUSED_DOCUMENT = /ERROR: \[doc=|Error adding field|undefined field|Invalid Number|Can't parse|SyntaxError/;
/** Solr messages quote whole documents (vectors included): enough of one to see what went wrong. */
const MESSAGE_CHARS = 600;
const INITIAL_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failure worth another node or another try (transport error, 5xx); `UserError`s are final. */
class Retryable extends Error {}

export class SolrHttp {
  private next = 0;
  private readonly urls: string[];
  private readonly attemptTimeoutMs: number;
  private readonly deadlineMs: number;

  /** `urls`: base URLs of some of the cluster's nodes, e.g. `http://127.0.0.1:8983/solr`. */
  constructor(urls: string[], options: SolrHttpOptions = {}) {
    if (urls.length === 0) throw new Error('SolrHttp needs at least one node URL');
    this.urls = urls.map((u) => u.replace(/\/+$/, ''));
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.deadlineMs = options.deadlineMs ?? 60_000;
  }

  /** GET `path` (e.g. `/admin/collections`) with `params`; the parsed JSON body. */
  get(path: string, params: Record<string, string | number>): Promise<SolrResponse> {
    return this.request(path, params, null);
  }

  /** POST a form body (queries: vectors and long term lists do not fit a URL). */
  postForm(path: string, params: URLSearchParams): Promise<SolrResponse> {
    return this.request(path, {}, { type: 'application/x-www-form-urlencoded', text: params.toString() });
  }

  /** POST a JSON body (updates) with `params` in the URL; a string is sent as it is (already JSON). */
  postJson(path: string, params: Record<string, string | number>, body: unknown): Promise<SolrResponse> {
    return this.request(path, params, { type: 'application/json', text: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  private async request(path: string, params: Record<string, string | number>, body: { type: string; text: string } | null): Promise<SolrResponse> {
    const query = new URLSearchParams({ wt: 'json' });
    for (const [k, v] of Object.entries(params)) query.set(k, String(v));
    const deadline = Date.now() + this.deadlineMs;
    let backoff = INITIAL_BACKOFF_MS;
    let last = '';
    for (;;) {
      // One round: every node once, starting with the one after the last that answered.
      for (let tried = 0; tried < this.urls.length; tried++) {
        const at = (this.next + tried) % this.urls.length;
        try {
          const result = await this.attempt(`${this.urls[at]}${path}?${query}`, body);
          this.next = at;
          return result;
        } catch (err) {
          if (!(err instanceof Retryable)) throw err;
          last = `${this.urls[at]}: ${err.message}`;
        }
      }
      if (Date.now() + backoff > deadline) break;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    throw new UserError('engine_unavailable', `SolrCloud did not answer ${path} within ${this.deadlineMs / 1000} s (last: ${last}); check that its nodes run and SOLR_URL names them`);
  }

  private async attempt(url: string, body: { type: string; text: string } | null): Promise<SolrResponse> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': `${body.type}; charset=utf-8` } : {},
        body: body?.text,
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new Retryable(cause?.code ?? cause?.message ?? (err as Error).message);
    }
    // A collection that does not exist has no handler: Jetty's own 404 page, not Solr's JSON.
    if (res.status === 404) throw new UserError('no_index', `SolrCloud has no such collection or handler: ${url.slice(0, url.indexOf('?'))}`);
    let json: SolrResponse;
    try {
      // `_version_` is a 64-bit long, beyond a JavaScript number's 53 bits: kept as its digits (optimistic writes
      // send it back exactly, src/store/solr/solr-keys.ts).
      json = JSON.parse(text.replace(/"_version_":(-?\d+)/g, '"_version_":"$1"')) as SolrResponse;
    } catch {
      if (RETRYABLE.has(res.status)) throw new Retryable(`HTTP ${res.status}`);
      throw new UserError('engine_rejected', `SolrCloud answered HTTP ${res.status} without JSON: ${text.slice(0, 200)}`);
    }
    if (res.ok) return json;
    const full = json.error?.msg ?? `HTTP ${res.status}`;
    const message = full.length > MESSAGE_CHARS ? `${full.slice(0, MESSAGE_CHARS)}…` : full;
    if (RETRYABLE.has(res.status) && !REFUSED_DOCUMENT.test(full)) throw new Retryable(`HTTP ${res.status}: ${message}`);
    if (/Could not find collection|Collection not found/i.test(message)) {
      throw new UserError('no_index', `SolrCloud has no such collection: ${message}`);
    }
    throw new UserError('engine_rejected', `SolrCloud refused the request (HTTP ${res.status}): ${message}`);
  }
}
