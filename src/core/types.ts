/** Shapes shared by the pipeline stages. */
import type { Abbreviation } from './abbreviations.js';

export type SourceFormat = 'txt' | 'html' | 'pdf';

/** A passage as cut from a document: `text === document.text.slice(start, end)`. */
export interface PassageDraft {
  ordinal: number;
  text: string;
  /** Section path of the headings above it (`3. … › 3.2. …`), or null before the first heading. */
  section: string | null;
  start: number;
  end: number;
  /** SHA-256 of the passage text, hex. */
  hash: string;
}

/** A document ready to store: cleaned NFC text, metadata and passages. */
export interface PreparedDocument {
  /** Stable id derived from the content hash. */
  id: string;
  contentHash: string;
  format: SourceFormat;
  title: string | null;
  date: string | null;
  text: string;
  passages: PassageDraft[];
  /** Abbreviations the document defines itself, e.g. `tổ chức cơ sở đảng (TCCSĐ)`. */
  abbreviations: Abbreviation[];
}

export interface StoredDocument {
  id: string;
  title: string | null;
  date: string | null;
  format: SourceFormat;
  /** Paths it was ingested from, relative to the working folder when inside it. */
  sources: string[];
  passageCount: number;
  ingestedAt: string;
}

export interface StoredPassage {
  /** Integer key, also the label of its vector in the HNSW index. */
  key: number;
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  section: string | null;
  start: number;
  end: number;
}

export type SearchMode = 'hybrid' | 'lexical' | 'dense';

export interface Citation {
  n: number;
  documentId: string;
  passageId: string;
}

export interface Answer {
  text: string;
  citations: Citation[];
}

export interface SearchResult {
  rank: number;
  score: number;
  document: { id: string; title: string | null; source: string | null; date: string | null };
  passage: { id: string; text: string; section: string | null; start: number; end: number };
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  answer: Answer | null;
  results: SearchResult[];
}
