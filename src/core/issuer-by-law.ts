/**
 * The issuer that the law itself assigns to a kind of legal normative text, for a text whose letterhead, enacting
 * formula and signature block are not read (a scan of its later pages, an extract). Luật Ban hành văn bản quy phạm
 * pháp luật 80/2015/QH13, Điều 4 (the system of legal normative texts: khoản 2 `Bộ luật, luật, nghị quyết của Quốc
 * hội`; khoản 5 `Nghị định của Chính phủ`), Điều 15 (luật, issued by Quốc hội) and Điều 19 (nghị định, issued by
 * Chính phủ): no other body issues a nghị định or a luật. Kinds several bodies issue (nghị quyết, quyết định,
 * thông tư, …) have no issuer by law.
 */
import type { DocumentKind } from './references.js';

const BY_LAW: Partial<Record<DocumentKind, string>> = {
  'nghị định': 'Chính phủ',
  luật: 'Quốc hội',
};

/** The only body that may issue a text of this kind, or null when the law lets several issue it. */
export function issuerByLaw(kind: DocumentKind | null): string | null {
  return kind ? (BY_LAW[kind] ?? null) : null;
}
