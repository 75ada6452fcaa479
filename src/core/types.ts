/** Shapes shared by the pipeline stages. */
import type { Abbreviation } from './abbreviations.js';
import type { DocumentKind, Reference } from './references.js';

/** Fields a search counts matching documents by (src/core/facets.ts); `year` is the year of `date`. */
export type FacetField = 'kind' | 'issuer' | 'signer' | 'year' | 'term' | 'status';

export interface FacetCount {
  value: string;
  /** Documents, not passages. */
  count: number;
}

/** Per asked field, its values with their document counts, most frequent first (ties in value order). */
export type Facets = Partial<Record<FacetField, FacetCount[]>>;

/** What is known about a document besides its text. */
export interface DocumentFields {
  title: string | null;
  /** ISO date (YYYY-MM-DD). */
  date: string | null;
  kind: DocumentKind;
  /** Số hiệu, e.g. `22-NQ/TW`, for formal documents. */
  number: string | null;
  issuer: string | null;
  /** Khóa, e.g. `XII`. */
  term: string | null;
  /** Who wrote or spoke (articles, speeches); for formal documents the signer, as on the signature block. */
  author: string | null;
  /** Formal documents: the signer's name from the signature block (`Nguyễn Văn A`), else null. */
  signer: string | null;
  /** The signer's position lines (`PHÓ BÍ THƯ`, `K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN`), as printed, else null. */
  signerTitle: string | null;
  /** On whose behalf it is signed, from `TM.`/`T/M`/`KT.`/`Q.`/`TL.`/`TUQ.` lines (`Ban Thường vụ`), else null. */
  onBehalfOf: string | null;
  /** Validity as the source states it (legal portals' `Tình trạng`), else null. */
  status: DocumentStatus | null;
}

/** Validity of a document: in force, not yet in force, partly in force, no longer in force. */
export type DocumentStatus = 'in-force' | 'not-yet-in-force' | 'partly-in-force' | 'no-longer-in-force';

/** Input formats, each read by its adapter in `ingest/`. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'doc' | 'image';

/** Where a passage sits in a paged source (PDF, image): its page, and whether its text was recognised by OCR. */
export interface PassagePage {
  /** 1-based page of the source file the passage starts on; null for unpaged sources. */
  page?: number | null;
  /** True when the passage's text was recognised from a scanned page (OCR). */
  ocr?: boolean;
  /** OCR: mean word confidence of its page, 0–1; null otherwise. */
  confidence?: number | null;
}

/** A passage as cut from a document: `text === document.text.slice(start, end)`. */
export interface PassageDraft extends PassagePage {
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
export interface PreparedDocument extends DocumentFields {
  /** Stable id derived from the content hash. */
  id: string;
  contentHash: string;
  format: SourceFormat;
  text: string;
  /** Other documents the text cites, with offsets into `text`. */
  references: Reference[];
  passages: PassageDraft[];
  /** Abbreviations the document defines itself, e.g. `tổ chức cơ sở đảng (TCCSĐ)`. */
  abbreviations: Abbreviation[];
}

export interface StoredDocument extends DocumentFields {
  id: string;
  format: SourceFormat;
  /** Paths it was ingested from, relative to the working folder when inside it. */
  sources: string[];
  passageCount: number;
  ingestedAt: string;
}

export interface StoredPassage extends PassagePage {
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
  /**
   * Present when the cited document is no longer in force (src/core/validity.ts): since when, and the indexed document
   * that replaced or repealed it; the answer text then writes `[n, hết hiệu lực]`.
   */
  noLongerInForce?: { since: string | null; replacedBy: { id: string; number: string; title: string | null } | null };
  /** Page of a paged source (PDF, scan) the cited passage starts on. */
  page?: number | null;
}

export interface Answer {
  text: string;
  citations: Citation[];
  /** Each quoted sentence with its citation number and its offsets in the cited document's stored text. */
  sentences: { n: number; text: string; start: number; end: number }[];
}

export interface SearchResult {
  rank: number;
  score: number;
  document: { id: string; source: string | null } & DocumentFields;
  passage: { id: string; text: string; section: string | null; start: number; end: number } & PassagePage;
  /** Offsets in the document's stored text of the query words this passage contains. */
  highlights: [number, number][];
}

export interface SearchResponse {
  /** The query as typed. */
  query: string;
  /** The query searched instead when words were typed with the input method off (Telex/VNI), else null. */
  correctedQuery: string | null;
  /**
   * The query restored with the diacritics the corpus writes it with, when it was typed without any and every word is
   * restored with confidence (`duong loi` → `đường lối`); the search ran it. Null otherwise, and with `exact`.
   */
  suggestedQuery: string | null;
  mode: SearchMode;
  /**
   * Present when the search did not run as asked, saying why: `mode=dense` or `mode=hybrid` without a loaded model,
   * or with an embedding server that did not answer, runs lexically (`mode` then says `lexical`).
   */
  notice?: string;
  answer: Answer | null;
  results: SearchResult[];
  /** Present when asked for (`facets=`): per field, its values over every matching document with their counts. */
  facets?: Facets;
}
