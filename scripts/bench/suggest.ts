/**
 * Autocomplete of document numbers and titles (src/store/document-catalog.ts) at 100k documents: building the
 * catalog, adding to it, and the latency of suggestions for what people type — the start of a number in its
 * spellings (`22-nq`, `nq 22`, `nghị quyết số 22`, `19/2023/nd`) and the first words of a title, half without
 * diacritics, the last word cut. Numbers follow the real patterns of Party and state numbering (Hướng dẫn
 * 36-HD/VPTW, Nghị định 30/2020/NĐ-CP); titles are a kind line and a subject cut from real sentences of the corpus.
 */
import { fold } from '../../src/core/normalize.js';
import { type CatalogDocument, DocumentCatalog } from '../../src/store/document-catalog.js';
import { prng } from '../../test/support/random.js';
import { summarise, timeEach, type Summary } from './measure.js';
import { fmt, ms, say } from './report.js';

const PARTY: [string, string][] = [
  ['NQ', 'nghị quyết'],
  ['CT', 'chỉ thị'],
  ['KL', 'kết luận'],
  ['QĐ', 'quy định'],
  ['HD', 'hướng dẫn'],
  ['KH', 'kế hoạch'],
  ['TB', 'thông báo'],
  ['BC', 'báo cáo'],
];
const PARTY_ISSUERS = ['TW', 'TU', 'HU', 'ĐU', 'ĐUK', 'BCSĐ', 'VPTW', 'BTCTW', 'BTGDVTW', 'UBKTTW'];
const STATE: [string, string, string][] = [
  ['NĐ', 'CP', 'nghị định'],
  ['QĐ', 'TTg', 'quyết định'],
  ['NQ', 'CP', 'nghị quyết'],
  ['NQ', 'HĐND', 'nghị quyết'],
  ['QĐ', 'UBND', 'quyết định'],
  ['TT', 'BGDĐT', 'thông tư'],
  ['TT', 'BTC', 'thông tư'],
  ['TT', 'BNV', 'thông tư'],
  ['CT', 'TTg', 'chỉ thị'],
  ['KH', 'UBND', 'kế hoạch'],
];

/** `count` documents with realistic numbers and titles whose subjects are spans of the given real sentences. */
export function syntheticCatalog(sentences: string[], count: number, seed: number): CatalogDocument[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = sentences.map((s) => s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)));
  return Array.from({ length: count }, (_, i) => {
    const year = 2001 + Math.floor(rand() * 25);
    const n = 1 + Math.floor(rand() * (rand() < 0.7 ? 400 : 3000));
    let number: string;
    let kind: string;
    const r = rand();
    if (r < 0.35) {
      const [code, k] = pick(PARTY);
      number = `${String(n).padStart(2, '0')}-${code}/${pick(PARTY_ISSUERS)}`;
      kind = k;
    } else if (r < 0.9) {
      const [code, issuer, k] = pick(STATE);
      number = rand() < 0.6 ? `${n}/${year}/${code}-${issuer}` : `${n}/${code}-${issuer}`;
      kind = k;
    } else {
      number = `${n}/${year}/QH${11 + Math.floor(rand() * 5)}`;
      kind = rand() < 0.5 ? 'luật' : 'nghị quyết';
    }
    const source = pick(words);
    const from = Math.floor(rand() * Math.max(1, source.length - 8));
    const subject = source.slice(from, from + 6 + Math.floor(rand() * 10)).join(' ').replace(/[.,;:!?"“”]+$/u, '');
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    return { id: `d${i}`, number, title: `${kind.toUpperCase()} về ${subject}`, kind, term: null, date };
  });
}

/** What people type: number starts in several spellings, title starts with the last word cut. */
function typedQueries(docs: CatalogDocument[], count: number, seed: number): string[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const doc = docs[Math.floor(rand() * docs.length)]!;
    const number = doc.number!;
    const seq = /^\d+/u.exec(number)![0];
    const code = /[-/]([A-ZĐ][A-Za-zĐđ]*)[-/]/u.exec(number)?.[1] ?? 'NQ';
    switch (Math.floor(rand() * 6)) {
      case 0:
        return number.slice(0, 2 + Math.floor(rand() * (number.length - 1)));
      case 1:
        return fold(number).slice(0, 3 + Math.floor(rand() * (number.length - 2)));
      case 2:
        return `${code.toLowerCase()} ${seq.slice(0, 1 + Math.floor(rand() * seq.length))}`;
      case 3:
        return `${doc.kind} số ${seq}`;
      default: {
        const words = doc.title!.split(' ').slice(0, 2 + Math.floor(rand() * 3));
        const last = words.pop()!;
        const typed = [...words, last.slice(0, 1 + Math.floor(rand() * last.length))].join(' ');
        return rand() < 0.5 ? fold(typed) : typed.toLowerCase();
      }
    }
  });
}

export interface SuggestBench {
  size: number;
  latency: Summary;
}

/** Section: autocomplete at `size` documents. */
export async function benchSuggest(sentences: string[], size: number): Promise<SuggestBench> {
  const docs = syntheticCatalog(sentences, size, 23);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const catalog = DocumentCatalog.build(docs);
  const buildMs = performance.now() - t0;
  global.gc?.();
  const heldMiB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const extra = syntheticCatalog(sentences, 1000, 29).map((d) => ({ ...d, id: `x${d.id}` }));
  const adds = summarise(await timeEach((i) => catalog.add(extra[i]!), extra.length, 0));
  const queries = typedQueries(docs, 5000, 31);
  let answered = 0;
  const latency = summarise(
    await timeEach((i) => {
      if (catalog.suggest(queries[i]!).length > 0) answered++;
    }, queries.length, 200),
  );
  say(
    `| ${size.toLocaleString('en')} | ${ms(buildMs)} ms | ${heldMiB.toFixed(0)} MiB | ${fmt(adds)} | ${ms(latency.median)} ms | ${ms(latency.p99)} ms | ${ms(latency.max)} ms | ${((100 * answered) / (latency.runs + 200)).toFixed(1)} % |`,
  );
  void catalog;
  return { size, latency };
}

/** The section's heading and table header; `note` goes between the description and the table. */
export function suggestHeader(note?: string): void {
  say('## Autocomplete of document numbers and titles (GET /api/suggest; in process)');
  say();
  say(
    'Synthetic documents: numbers in the real Party and state patterns, titles a kind line and a span of a real ' +
      'sentence; 5,000 typed prefixes (number starts in four spellings, title starts, half without diacritics), 10 suggestions each.',
  );
  say();
  if (note) {
    say(note);
    say();
  }
  say('| documents | build at open | heap held | add one document | suggest p50 | p99 | max | answered |');
  say('|---|---|---|---|---|---|---|---|');
}
