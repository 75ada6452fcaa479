/**
 * Which passage of a formal document states its content: the one to show when a query names the document by number.
 * Not its letterhead or date line, not an editor's note in brackets, not the preamble of legal bases (`Căn cứ …`,
 * `Xét đề nghị …`), not the recipients list (`Nơi nhận`): the first passage of running text after those.
 */
import { wordCount } from './normalize.js';

/** Fewer words than this is a heading, a date line or a signature, not a statement. */
const MIN_WORDS = 12;
/** Lines of a preamble: the legal bases and the proposal a decision is issued on (Nghị định 30/2020/NĐ-CP, phụ lục I). */
const PREAMBLE_LINE = /^\s*(?:Căn cứ|Xét đề nghị|Theo đề nghị|Xét Tờ trình|Thực hiện)(?!\p{L})/iu;
const DATE_LINE = /^[\p{L} .]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$/imu;

/** Whether a passage text states content (see the module comment). */
export function isStatementPassage(text: string): boolean {
  const trimmed = text.trim();
  if (wordCount(trimmed) < MIN_WORDS) return false;
  // An editor's note: the whole passage in brackets.
  if (/^[([][^)\]]*[)\]]\.?$/su.test(trimmed)) return false;
  if (/^\s*Nơi nhận\s*:/iu.test(trimmed)) return false;
  const lines = trimmed.split('\n').filter((l) => l.trim() !== '');
  if (lines.filter((l) => PREAMBLE_LINE.test(l)).length * 2 >= lines.length) return false;
  if (lines.some((l) => DATE_LINE.test(l)) && wordCount(trimmed) < 3 * MIN_WORDS) return false;
  // A letterhead or title block: mostly capitals.
  const letters = trimmed.match(/\p{L}/gu) ?? [];
  const capitals = trimmed.match(/\p{Lu}/gu) ?? [];
  return capitals.length < 0.6 * letters.length;
}

/** Index of the first passage that states content, else 0 (the first passage); -1 for none. */
export function statementPassageIndex(passages: readonly { text: string }[]): number {
  if (passages.length === 0) return -1;
  const at = passages.findIndex((p) => isStatementPassage(p.text));
  return Math.max(at, 0);
}
