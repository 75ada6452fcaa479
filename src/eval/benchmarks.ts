/**
 * Public Vietnamese retrieval benchmarks, read into one shape: a corpus of texts and questions each with the ids
 * of its relevant texts.
 * - ViRE (CSV with `context`, `question` columns): the corpus is the file's de-duplicated contexts, and each
 *   question's one relevant text is its own context.
 * - ALQAC 2022 (`law.json`, `question.json`): all articles of all laws; relevance as the file gives it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface Benchmark {
  name: string;
  corpus: { id: string; text: string }[];
  questions: { query: string; relevant: string[] }[];
}

export function loadVire(file: string): Benchmark {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const ids = new Map<string, string>();
  const corpus: Benchmark['corpus'] = [];
  const questions: Benchmark['questions'] = [];
  for (const row of rows) {
    const context = (row.context ?? '').trim();
    const query = (row.question ?? '').trim();
    if (!context || !query) continue;
    let id = ids.get(context);
    if (!id) {
      id = `c${ids.size}`;
      ids.set(context, id);
      corpus.push({ id, text: context });
    }
    questions.push({ query, relevant: [id] });
  }
  return { name: file.split('/').pop()!.replace(/\.csv$/, ''), corpus, questions };
}

interface AlqacLaw {
  id: string;
  articles: { id: string; text: string }[];
}

interface AlqacQuestion {
  text?: string;
  question?: string;
  relevant_articles: { law_id: string; article_id: string }[];
}

export function loadAlqac(dir: string): Benchmark {
  const laws = JSON.parse(readFileSync(join(dir, 'law.json'), 'utf8')) as AlqacLaw[];
  const questions = JSON.parse(readFileSync(join(dir, 'question.json'), 'utf8')) as AlqacQuestion[];
  return {
    name: 'ALQAC 2022 (all articles)',
    corpus: laws.flatMap((law) => law.articles.map((a) => ({ id: `${law.id}#${a.id}`, text: a.text }))),
    questions: questions.map((q) => ({
      query: (q.text ?? q.question ?? '').trim(),
      relevant: q.relevant_articles.map((r) => `${r.law_id}#${r.article_id}`),
    })),
  };
}
