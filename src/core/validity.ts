/**
 * A document's effective validity: what its source states (a legal portal's `Tình trạng`, src/core/portal-fields.ts)
 * corrected by what indexed documents say about it (src/core/relations.ts): replaced or repealed as a whole by an
 * indexed document → no longer in force, from the date the sentence gives or else the replacing document's date;
 * amended, or replaced or repealed in part → partly in force. A stated `no-longer-in-force` is never raised.
 */
import type { DocumentStatus } from './types.js';

/** The indexed document that changes another. */
export interface ChangingDocument {
  id: string;
  number: string;
  title: string | null;
  date: string | null;
}

export interface StatusChange {
  type: 'replaces' | 'repeals' | 'amends';
  partial: boolean;
  /** ISO date the change takes effect when the sentence says so, else null. */
  since: string | null;
  by: ChangingDocument;
  /** The document whose text states it (the changing document itself, or an article reporting it). */
  statedIn: string;
  sentence: string;
  start: number;
  end: number;
}

export interface Validity {
  /** The effective status (null: neither the source nor any indexed document says). */
  status: DocumentStatus | null;
  /** What the source itself states. */
  stated: DocumentStatus | null;
  /** The whole replacement or repeal that ended it, when one did; `since` falls back on the changing document's date. */
  endedBy: (StatusChange & { since: string | null }) | null;
  /** Every change indexed documents state, oldest changing document first. */
  changes: StatusChange[];
}

const byDate = (a: StatusChange, b: StatusChange) => (a.since ?? a.by.date ?? '').localeCompare(b.since ?? b.by.date ?? '') || a.by.id.localeCompare(b.by.id);

/** The effective validity of a document from its stated status and the changes indexed documents make to it. */
export function effectiveValidity(stated: DocumentStatus | null, changes: StatusChange[]): Validity {
  const sorted = [...changes].sort(byDate);
  const whole = sorted.find((c) => (c.type === 'replaces' || c.type === 'repeals') && !c.partial);
  if (whole) return { status: 'no-longer-in-force', stated, endedBy: { ...whole, since: whole.since ?? whole.by.date }, changes: sorted };
  const status: DocumentStatus | null = sorted.length > 0 && stated !== 'no-longer-in-force' ? 'partly-in-force' : stated;
  return { status, stated, endedBy: null, changes: sorted };
}

/**
 * A ranking in which each passage of a replaced document that ranks above every passage of a document replacing it
 * moves to just below that document's best passage, when that document is in the ranking at all; a replaced document
 * whose replacement does not match keeps its place (it may be all a reader has). `replaced` maps a document id to the
 * ids of the documents that replaced or repealed it; `documentOf` gives each ranked key's document; `keep` are
 * documents never moved (the ones the query names). Order is otherwise kept.
 */
export function preferReplacements<T extends { key: number }>(
  ranked: T[],
  documentOf: ReadonlyMap<number, string>,
  replaced: ReadonlyMap<string, string[]>,
  keep: ReadonlySet<string> = new Set(),
): T[] {
  const firstAt = new Map<string, number>();
  ranked.forEach((hit, i) => {
    const doc = documentOf.get(hit.key);
    if (doc !== undefined && !firstAt.has(doc)) firstAt.set(doc, i);
  });
  const moved = new Map<number, T[]>();
  const out: T[] = [];
  ranked.forEach((hit, i) => {
    const doc = documentOf.get(hit.key);
    const by = doc !== undefined && !keep.has(doc) ? (replaced.get(doc) ?? []) : [];
    const anchor = Math.min(...by.map((id) => firstAt.get(id) ?? Infinity));
    if (anchor !== Infinity && anchor > i) moved.set(anchor, [...(moved.get(anchor) ?? []), hit]);
    else out.push(hit);
  });
  if (moved.size === 0) return ranked;
  const result: T[] = [];
  const position = new Map(ranked.map((hit, i) => [hit.key, i]));
  for (const hit of out) {
    result.push(hit);
    result.push(...(moved.get(position.get(hit.key)!) ?? []));
  }
  return result;
}
