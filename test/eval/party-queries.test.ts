import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DevQuery } from '../../src/eval/evaluate.js';

/** The development sets over ../shared/corpus/party-web-articles, written by reading the documents (see README.md). */
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const KINDS = ['topic', 'paraphrase', 'question', 'no-diacritics', 'document-number', 'fact'];

const read = (name: string): DevQuery[] =>
  readFileSync(here(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => JSON.parse(line) as DevQuery);

describe('party-web-articles development queries', () => {
  const queries = read('party-queries.jsonl');

  it('holds at least 100 queries, each with a listed kind and at least one relevant document', () => {
    expect(queries.length).toBeGreaterThanOrEqual(100);
    for (const q of queries) {
      expect(typeof q.query).toBe('string');
      expect(q.query.trim()).not.toBe('');
      expect(KINDS).toContain(q.kind);
      expect(q.relevant.length).toBeGreaterThan(0);
    }
  });

  it('covers every kind with at least 10 queries', () => {
    for (const kind of KINDS) expect(queries.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
  });

  it('names only existing files under party-web-articles/ as relevant', () => {
    for (const q of queries) {
      for (const path of q.relevant) {
        expect(path, q.query).toMatch(/^party-web-articles\/[0-9a-f]{16}\.md$/);
        expect(existsSync(CORPUS + path), path).toBe(true);
      }
    }
  });

  it('has no duplicate queries', () => {
    expect(new Set(queries.map((q) => q.query)).size).toBe(queries.length);
  });
});

describe('near-miss questions', () => {
  const nearMisses = read('near-miss-queries.jsonl');

  it('holds at least 30 questions, all uncovered and of kind near-miss', () => {
    expect(nearMisses.length).toBeGreaterThanOrEqual(30);
    for (const q of nearMisses) {
      expect(q.query.trim()).not.toBe('');
      expect(q.kind).toBe('near-miss');
      expect(q.relevant).toEqual([]);
    }
  });
});
