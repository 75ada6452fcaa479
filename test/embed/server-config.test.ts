/** Reading the embedding-server settings, and where requests go for each form of EMBEDDINGS_URL. */
import { describe, expect, it } from 'vitest';
import { serverOptionsFromEnv } from '../../src/embed/server-config.js';
import { embeddingsEndpoint, SERVER_DEFAULTS } from '../../src/embed/server-embedder.js';

describe('embedding-server settings', () => {
  it('is off without EMBEDDINGS_URL', () => {
    expect(serverOptionsFromEnv({})).toBeNull();
    expect(serverOptionsFromEnv({ EMBEDDINGS_URL: ' ', EMBEDDINGS_MODEL: 'm' })).toBeNull();
  });

  it('reads the settings, with the defaults', () => {
    expect(serverOptionsFromEnv({ EMBEDDINGS_URL: 'http://10.0.0.5:8080', EMBEDDINGS_MODEL: 'intfloat/multilingual-e5-small' })).toEqual({
      ...SERVER_DEFAULTS,
      url: 'http://10.0.0.5:8080',
      model: 'intfloat/multilingual-e5-small',
      apiKey: null,
      dimension: null,
    });
    const set = serverOptionsFromEnv({
      EMBEDDINGS_URL: 'https://embed.office.vn/v1',
      EMBEDDINGS_MODEL: 'bge-m3',
      EMBEDDINGS_API_KEY: 'k1',
      EMBEDDINGS_PREFIXES: 'server',
      EMBEDDINGS_QUERY_PREFIX: '',
      EMBEDDINGS_DIMENSION: '1024',
      EMBEDDINGS_BATCH_SIZE: '8',
      EMBEDDINGS_TIMEOUT_MS: '5000',
      EMBEDDINGS_RETRIES: '0',
    });
    expect(set).toMatchObject({ apiKey: 'k1', prefixes: 'server', queryPrefix: '', passagePrefix: 'passage: ', dimension: 1024, batchSize: 8, timeoutMs: 5000, retries: 0 });
  });

  it('refuses malformed settings, naming the variable', () => {
    const url = 'http://127.0.0.1:8000';
    expect(() => serverOptionsFromEnv({ EMBEDDINGS_URL: url })).toThrow(/EMBEDDINGS_MODEL/);
    expect(() => serverOptionsFromEnv({ EMBEDDINGS_URL: '127.0.0.1:8000', EMBEDDINGS_MODEL: 'm' })).toThrow(/EMBEDDINGS_URL/);
    expect(() => serverOptionsFromEnv({ EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'm', EMBEDDINGS_PREFIXES: 'both' })).toThrow(/EMBEDDINGS_PREFIXES/);
    expect(() => serverOptionsFromEnv({ EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'm', EMBEDDINGS_BATCH_SIZE: '0' })).toThrow(/EMBEDDINGS_BATCH_SIZE/);
    expect(() => serverOptionsFromEnv({ EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'm', EMBEDDINGS_DIMENSION: '384.5' })).toThrow(/EMBEDDINGS_DIMENSION/);
  });

  it('posts to /v1/embeddings whichever part of the address is given', () => {
    expect(embeddingsEndpoint('http://h:8000')).toBe('http://h:8000/v1/embeddings');
    expect(embeddingsEndpoint('http://h:8000/')).toBe('http://h:8000/v1/embeddings');
    expect(embeddingsEndpoint('http://h:8000/v1/')).toBe('http://h:8000/v1/embeddings');
    expect(embeddingsEndpoint('http://h/api/v1/embeddings')).toBe('http://h/api/v1/embeddings');
  });
});
