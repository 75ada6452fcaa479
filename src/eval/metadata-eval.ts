/**
 * Document metadata against a labeled development set (test/eval/metadata-dev.jsonl): each labeled file is read
 * through the product's own ingest path (extractText, then prepareDocument) and every field is compared with its
 * label by the comparison rules of the field conventions (COMMON.md, "Conventions for field VALUES"):
 * - title, issuer, author, signer, signerTitle, onBehalfOf: folded (src/core/normalize.ts `fold`), case-insensitive,
 *   whitespace-normalised; titles also ignore trailing punctuation (`… Nhà nước.` = `… Nhà nước`);
 * - kind, number, date, term, status: exact (`null` matches only `null`);
 * - references: recall of the expected numbers; and, for documents whose list is complete, false references =
 *   extracted numbers not in the list (the document's own number excluded).
 * A file the product cannot read (an unsupported format, an empty text) is a miss for every field and is listed.
 */
import { join } from 'node:path';
import { prepareDocument } from '../core/prepare-document.js';
import { fold } from '../core/normalize.js';
import type { PreparedDocument } from '../core/types.js';
import { extractText, readFileBytes } from '../ingest/read-document.js';

export const METADATA_FIELDS = ['kind', 'number', 'title', 'date', 'issuer', 'term', 'signer', 'signerTitle', 'onBehalfOf', 'author', 'status'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** One labeled document: its path relative to the corpus folder and the values a careful reader writes down. */
export interface MetadataLabel extends Record<MetadataField, string | null> {
  file: string;
  formal: boolean;
  references: string[];
  /** False when `references` is a sample: then only their recall is scored, not false references. */
  referencesComplete: boolean;
  note?: string;
}

/** Parses the JSONL set (blank lines and `//` lines skipped); throws with the line number on a malformed line. */
export function parseMetadataSet(jsonl: string, source = 'metadata set'): MetadataLabel[] {
  const out: MetadataLabel[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    const where = `${source}:${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`);
    }
    if (typeof o.file !== 'string' || typeof o.formal !== 'boolean') throw new Error(`${where}: needs "file" (string) and "formal" (boolean)`);
    if (!Array.isArray(o.references) || o.references.some((r) => typeof r !== 'string')) throw new Error(`${where}: "references" must be a list of strings`);
    const label = { file: o.file, formal: o.formal, references: o.references as string[], referencesComplete: o.referencesComplete !== false } as MetadataLabel;
    for (const f of METADATA_FIELDS) {
      const v = o[f] ?? null;
      if (v !== null && typeof v !== 'string') throw new Error(`${where}: "${f}" must be a string or null`);
      label[f] = v;
    }
    if (typeof o.note === 'string') label.note = o.note;
    out.push(label);
  });
  return out;
}

const spaces = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const folded = (s: string) => fold(spaces(s)).toLowerCase();
const FOLDED_FIELDS = new Set<MetadataField>(['title', 'issuer', 'author', 'signer', 'signerTitle', 'onBehalfOf']);

/** Whether a produced value counts as the labeled one, by the field's comparison rule. */
export function fieldMatches(field: MetadataField, expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  if (!FOLDED_FIELDS.has(field)) return expected === got;
  const trim = (s: string) => (field === 'title' ? s.replace(/[\s.,;:]+$/u, '') : s);
  return trim(folded(expected)) === trim(folded(got));
}

/** Canonical numbers compare exactly, whitespace removed. */
const refKey = (n: string) => n.normalize('NFC').replace(/\s+/g, '');

/** The distinct document numbers a prepared document cites, its own number excluded. */
export function citedNumbers(doc: PreparedDocument): string[] {
  const own = doc.number ? refKey(doc.number) : null;
  const seen = new Set<string>();
  for (const r of doc.references) if (r.number && refKey(r.number) !== own) seen.add(refKey(r.number));
  return [...seen];
}

/** Vietnamese structural headings (`Chương I`, `Điều 5.`, `I- …`, `II. …`, `Mục 2`, `Phần thứ nhất`) at a line start. */
const HEADING_LINE = /^(?:(?:Chương|Mục|Điều|Phần)\s+(?:[\dIVXLC]+|thứ\s+\p{L}+)|[IVX]{1,5}\s*[.-]\s+\p{Lu})/mu;

export interface FieldScore {
  correct: number;
  total: number;
}

export interface GroupReport {
  documents: number;
  fields: Record<MetadataField, FieldScore>;
  /** Expected numbers found over expected numbers, in every document. */
  references: { expected: number; found: number };
  /** Extracted numbers missing from the list, in documents whose list is complete. */
  falseReferences: { count: number; documents: number };
}

export interface MetadataMiss {
  file: string;
  field: MetadataField | 'references' | 'falseReference' | 'read';
  expected: string | null;
  got: string | null;
}

export interface MetadataReport {
  all: GroupReport;
  formal: GroupReport;
  articles: GroupReport;
  /** Formal documents whose stored text has structural headings: their passages, and those with a section. */
  headings: { documents: number; passages: number; underHeading: number };
  unreadable: { file: string; error: string }[];
  misses: MetadataMiss[];
}

/** A labeled document with what the product made of it, or why it could not read it. */
export interface MetadataOutcome {
  label: MetadataLabel;
  doc: PreparedDocument | null;
  error?: string;
}

function emptyGroup(): GroupReport {
  const fields = Object.fromEntries(METADATA_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<MetadataField, FieldScore>;
  return { documents: 0, fields, references: { expected: 0, found: 0 }, falseReferences: { count: 0, documents: 0 } };
}

/** Scores outcomes against their labels; pure. */
export function scoreMetadata(outcomes: MetadataOutcome[]): MetadataReport {
  const report: MetadataReport = {
    all: emptyGroup(),
    formal: emptyGroup(),
    articles: emptyGroup(),
    headings: { documents: 0, passages: 0, underHeading: 0 },
    unreadable: [],
    misses: [],
  };
  for (const { label, doc, error } of outcomes) {
    const groups = [report.all, label.formal ? report.formal : report.articles];
    for (const g of groups) g.documents++;
    if (!doc) {
      report.unreadable.push({ file: label.file, error: error ?? 'not read' });
      report.misses.push({ file: label.file, field: 'read', expected: null, got: error ?? 'not read' });
    }
    for (const f of METADATA_FIELDS) {
      const got = doc ? doc[f] : null;
      const ok = doc !== null && fieldMatches(f, label[f], got);
      for (const g of groups) {
        g.fields[f].total++;
        if (ok) g.fields[f].correct++;
      }
      if (!ok && doc) report.misses.push({ file: label.file, field: f, expected: label[f], got });
    }
    const cited = doc ? citedNumbers(doc) : [];
    const citedSet = new Set(cited);
    const expected = new Set(label.references.map(refKey));
    for (const n of expected) {
      const found = citedSet.has(n);
      for (const g of groups) {
        g.references.expected++;
        if (found) g.references.found++;
      }
      if (!found) report.misses.push({ file: label.file, field: 'references', expected: n, got: null });
    }
    if (label.referencesComplete && doc) {
      const extra = cited.filter((n) => !expected.has(n));
      for (const g of groups) {
        g.falseReferences.documents++;
        g.falseReferences.count += extra.length;
      }
      for (const n of extra) report.misses.push({ file: label.file, field: 'falseReference', expected: null, got: n });
    }
    if (doc && label.formal && HEADING_LINE.test(doc.text)) {
      report.headings.documents++;
      report.headings.passages += doc.passages.length;
      report.headings.underHeading += doc.passages.filter((p) => p.section !== null).length;
    }
  }
  return report;
}

/** Reads one labeled file the way ingestion does; a file the product refuses becomes an outcome with its error. */
export async function readLabeled(label: MetadataLabel, corpusDir: string): Promise<MetadataOutcome> {
  try {
    const path = join(corpusDir, label.file);
    const { format, text } = await extractText(await readFileBytes(path), path);
    return { label, doc: prepareDocument(text, format) };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { label, doc: null, error: err.code ? `${err.code}: ${err.message}` : err.message };
  }
}

/** Reads every labeled file (one at a time: PDFs are large) and scores the set. */
export async function evaluateMetadata(labels: MetadataLabel[], corpusDir: string, progress?: (done: number, total: number) => void): Promise<MetadataReport> {
  const outcomes: MetadataOutcome[] = [];
  for (const [i, label] of labels.entries()) {
    outcomes.push(await readLabeled(label, corpusDir));
    progress?.(i + 1, labels.length);
  }
  return scoreMetadata(outcomes);
}
