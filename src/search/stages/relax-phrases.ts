/**
 * Search stage (after presenting, only when nothing was found): a query whose exact phrases no passage holds is
 * searched again for the phrases' words, with a notice saying so — as general engines do, rather than answer nothing
 * to a question that quotes a title loosely (`Văn bản "Quy định về việc mở ngành đào tạo" áp dụng với …`, where the
 * document says `quy định về xây dựng, thẩm định đề án mở ngành đào tạo`). A query with exclusions is not relaxed:
 * dropping quotes would change what `-"…"` leaves out.
 */
import type { ParsedQuery } from '../../core/query-syntax.js';

/** The query with its phrase quotes dropped, or null when there is nothing to relax. */
export function relaxedQuery(typed: string, parsed: ParsedQuery): string | null {
  if (parsed.excluded.length > 0) return null;
  if (!parsed.alternatives.some((a) => a.phrases.length > 0)) return null;
  return typed.replace(/["“”„]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** The notice a relaxed search carries. */
export const relaxedNotice = (phrases: string[]): string =>
  `no passage holds the exact phrase ${phrases.map((p) => `"${p}"`).join(', ')}: these results hold its words`;
