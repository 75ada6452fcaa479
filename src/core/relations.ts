/**
 * Typed relations between documents, read from the sentences that state them: `Căn cứ Nghị định số …` (legal
 * basis), `Thông tư này hướng dẫn thi hành …` (guides), `Sửa đổi, bổ sung một số điều của Nghị định số …` (amends),
 * `Chỉ thị này thay thế Chỉ thị số 35-CT/TW` (replaces), `bãi bỏ …` / `… hết hiệu lực` (repeals), `Kế hoạch thực
 * hiện Nghị quyết số 57-NQ/TW` (carries out). Pure: text in, relations with exact offsets out.
 *
 * Sources of the wording: Luật Ban hành văn bản quy phạm pháp luật 2015 (80/2015/QH13): Điều 11 (văn bản quy định
 * chi tiết: `quy định chi tiết`, `hướng dẫn thi hành`), Điều 12 (`sửa đổi, bổ sung`, `thay thế`, `bãi bỏ`), Điều 154
 * (a document `hết hiệu lực` toàn bộ hoặc một phần); Nghị định 30/2020/NĐ-CP, Phụ lục I (the `Căn cứ …;` lines that
 * open a document). Party practice (Quy định 66-QĐ/TW and the documents themselves): a plan, programme or directive
 * `thực hiện` / `triển khai thực hiện` / `quán triệt` a resolution; `Chỉ thị này thay thế Chỉ thị số …`.
 */
import { findDate } from './dates.js';
import { findReferences, type Reference } from './references.js';
import { splitSentences } from './sentences.js';

export type RelationType = 'based-on' | 'guides' | 'amends' | 'replaces' | 'repeals' | 'carries-out';

/** Every relation type, in the order a reader meets them in a document (the API's and the filter's values). */
export const RELATION_TYPES: readonly RelationType[] = ['based-on', 'guides', 'amends', 'replaces', 'repeals', 'carries-out'];

/** Vietnamese labels, as the page and the command line print them. */
export const RELATION_LABELS: Record<RelationType, string> = {
  'based-on': 'căn cứ',
  guides: 'hướng dẫn',
  amends: 'sửa đổi, bổ sung',
  replaces: 'thay thế',
  repeals: 'bãi bỏ',
  'carries-out': 'thực hiện',
};

export interface Relation {
  type: RelationType;
  /**
   * Who the sentence says does it: null for the document itself (`Nghị định này …`, a `Căn cứ` line, an article
   * heading), or the number of another document the sentence names first (`Quyết định số 215-QĐ/TW thay thế …`).
   */
  sourceNumber: string | null;
  /** The document acted upon, canonical (`35-CT/TW`, `100/2019/NĐ-CP`). */
  targetNumber: string;
  /** Only part of the target (`bãi bỏ Điều 9 …`, `sửa đổi, bổ sung một số điều …`, `hết hiệu lực một phần`). */
  partial: boolean;
  /** ISO date the sentence gives for the change to take effect (`kể từ ngày 01 tháng 01 năm 2025`), else null. */
  since: string | null;
  /** The sentence as stored: `sentence === text.slice(start, end)`. */
  sentence: string;
  start: number;
  end: number;
  /** Where the target's number is written in the text. */
  targetStart: number;
  targetEnd: number;
  /** Which rule read it (see the module comment for the sources). */
  rule: string;
}

interface Cue {
  type: RelationType;
  re: RegExp;
  /** The target is written after the cue (most), or before it (`… hết hiệu lực`). */
  target: 'after' | 'before';
  rule: string;
  /** The cue itself says only part of the target is touched. */
  partial?: boolean;
}

/** Up to this many characters may sit between a cue and the target written after it (`thay thế Chỉ thị số `). */
const MAX_GAP = 120;

const PART = '(?:(?:các |một số |một phần )?(?:điều|khoản|điểm|chương|mục|phụ lục|cụm từ)\\b[^.;]{0,80}?(?:của|tại)\\s+)';

const CUES: Cue[] = [
  // `Căn cứ Nghị định số 30/2020/NĐ-CP …;` opening a line or a sentence; never `căn cứ tính chất, mức độ vi phạm`.
  { type: 'based-on', re: /(?<![\p{L}])Căn cứ(?: vào)?(?=\s+(?:các\s+)?(?:Luật|Bộ luật|Hiến pháp|Nghị quyết|Nghị định|Chỉ thị|Quyết định|Thông tư|Kết luận|Quy định|Quy chế|Hướng dẫn|Kế hoạch|Thông báo|Điều lệ|Pháp lệnh|văn bản)\b|\s+\d)/gu, target: 'after', rule: 'căn cứ ban hành (Luật 80/2015/QH13; Nghị định 30/2020/NĐ-CP, Phụ lục I)' },
  {
    type: 'guides',
    re: /(?<![\p{L}])(?:hướng dẫn (?:thi hành|thực hiện|triển khai)(?: một số điều(?: của)?)?|quy định chi tiết(?: (?:và hướng dẫn thi hành|thi hành))?(?: (?:một số|các) điều(?: và biện pháp(?: tổ chức)?,? (?:thi hành|hướng dẫn thi hành))?(?: của)?)?)(?![\p{L}])/giu,
    target: 'after',
    rule: 'văn bản quy định chi tiết (Luật 80/2015/QH13, Điều 11)',
  },
  {
    type: 'amends',
    re: new RegExp(`(?<![\\p{L}])sửa đổi,? bổ sung(?:,? bãi bỏ)?(?: ${PART}| (?:một số|các) (?:điều|nội dung)(?: của)?)?(?![\\p{L}])`, 'giu'),
    target: 'after',
    partial: true,
    rule: 'sửa đổi, bổ sung (Luật 80/2015/QH13, Điều 12)',
  },
  {
    type: 'replaces',
    re: /(?<![\p{L}])thay thế(?: cho)?(?![\p{L}])/giu,
    target: 'after',
    rule: 'thay thế (Luật 80/2015/QH13, Điều 12; Party practice: `Chỉ thị này thay thế Chỉ thị số …`)',
  },
  {
    type: 'repeals',
    re: new RegExp(`(?<![\\p{L}])(?:bãi bỏ|hủy bỏ|huỷ bỏ)(?: ${PART})?(?![\\p{L}])`, 'giu'),
    target: 'after',
    rule: 'bãi bỏ (Luật 80/2015/QH13, Điều 12)',
  },
  {
    type: 'repeals',
    re: /(?<![\p{L}])(?:(?:đã |sẽ )?(?:hết hiệu lực|chấm dứt hiệu lực|ngưng hiệu lực)(?: (?:thi hành|pháp luật))?(?: (?:một phần|toàn bộ))?)(?![\p{L}])/giu,
    target: 'before',
    rule: 'hết hiệu lực (Luật 80/2015/QH13, Điều 154)',
  },
  {
    type: 'carries-out',
    re: /(?<![\p{L}])(?:(?:học tập,? )?quán triệt(?:,? (?:tuyên truyền|triển khai)(?: thực hiện)?)?|(?:tổ chức |triển khai |tiếp tục )?(?:thực hiện|triển khai)(?: (?:có hiệu quả|nghiêm túc|thực hiện|thi hành))?)(?![\p{L}])/giu,
    target: 'after',
    rule: 'thực hiện / triển khai / quán triệt a Party resolution (Party practice: kế hoạch, chương trình hành động)',
  },
];

/** `Nghị định này`, `Chỉ thị này`: the document speaks of itself. */
const SELF = /(?<![\p{L}])(?:Luật|Bộ luật|Nghị quyết|Nghị định|Chỉ thị|Quyết định|Thông tư|Kết luận|Quy định|Quy chế|Hướng dẫn|Kế hoạch|Chương trình|Thông tri|Văn bản|Pháp lệnh) này(?![\p{L}])/giu;
/** The passive: `được thay thế bởi`, `bị bãi bỏ bởi`: the acting document is written after the cue. */
const PASSIVE_BEFORE = /(?:bị|được|đã được|đã bị)\s+$/iu;
const AGENT_AFTER = /^\s*(?:bởi|bằng|theo|tại)\s+(?:[^.;]{0,60}?\s)?(?=\S)/iu;
/** Words that separate two targets of one cue: `Nghị quyết số 17/2025/NQ-HĐND và Nghị quyết số …`. */
const LIST_GAP = /^[\s,;]*(?:và|cùng|;|,)?[\s,]*(?:(?:Nghị quyết|Nghị định|Chỉ thị|Quyết định|Thông tư|Kết luận|Quy định|Luật|Hướng dẫn|Kế hoạch)(?:\s+số)?\s*)?$/iu;
/** `kể từ ngày 01 tháng 01 năm 2025`, `từ ngày 1/7/2025`. */
const SINCE = /(?:kể )?từ ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/iu;
/** A plan, programme or project just before a `thực hiện` cue: `Chương trình hành động của Chính phủ thực hiện`. */
const PLAN_BEFORE = /(?<![\p{L}])(?:Kế hoạch|Chương trình(?: hành động)?|Đề án)(?![\p{L}])[^.;:]{0,60}$/iu;
/** Kinds a document carries out: Party resolutions, directives, conclusions, regulations. */
const CARRIED_OUT = /^\d+-(?:NQ|CT|KL|QĐ|QĐi|HD)\//u;

/**
 * The relations a text states. `ownNumber` (the document's own number, canonical) is never a target. The subject of a
 * relation is the document itself unless the sentence names another document before its cue (then `sourceNumber`)
 * or uses the passive (`bị bãi bỏ bởi Nghị quyết X`: X is the subject). Carrying out is read only for Party
 * resolutions, directives, conclusions and regulations (numbers `…-NQ/…`, `…-CT/…`, `…-KL/…`, `…-QĐ/…`), and only
 * when the cue is the document's own (its title or a sentence without another subject). One relation per
 * (type, source, target): the first sentence that states it. Sentences are those of src/core/sentences.ts, and a line
 * is always a sentence boundary.
 */
export function findRelations(text: string, ownNumber: string | null): Relation[] {
  const references = findReferences(text).filter((r): r is Reference & { number: string } => r.number !== null);
  const out: Relation[] = [];
  const seen = new Set<string>();
  let r = 0;
  for (const span of sentencesAcrossWraps(text)) {
    while (r < references.length && references[r]!.end <= span.start) r++;
    const inSentence: (Reference & { number: string })[] = [];
    // A reference whose date runs onto the next line (`Nghị định số 137/2024/NĐ-CP, ngày` / `23/10/2024 …`) belongs
    // to the line it starts on, cut at its end.
    for (let i = r; i < references.length && references[i]!.start < span.end; i++) {
      const ref = references[i]!;
      if (ref.start >= span.start) inSentence.push(ref.end <= span.end ? ref : { ...ref, end: span.end, text: text.slice(ref.start, span.end) });
    }
    if (inSentence.length === 0) continue;
    const sentence = text.slice(span.start, span.end);
    for (const relation of sentenceRelations(sentence, span.start, inSentence, ownNumber)) {
      const key = `${relation.type} ${relation.sourceNumber ?? ''} ${relation.targetNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(relation);
    }
  }
  return out;
}

/** A line this long or longer that ends without punctuation may go on on the next line. */
const MAX_CONTINUED_LINES = 3;
/** A line that starts a new item rather than going on with the one above. */
const NEW_ITEM = /^(?:[-–•*+]|\d+[.)]|[a-zđ]\)|Căn cứ|Điều \d)/u;

/**
 * Sentences (src/core/sentences.ts), except that a hard-wrapped sentence (`- Căn cứ Nghị định số 137/2024/NĐ-CP, ngày` /
 * `23/10/2024 của Chính phủ …;`) runs on over the lines that continue it: a line ending without sentence punctuation,
 * followed by a line that does not open a new item (after a blank line, only one opening with a small letter or a
 * digit), up to a few lines.
 */
function sentencesAcrossWraps(text: string): { start: number; end: number }[] {
  const spans = splitSentences(text);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = { ...spans[i]! };
    for (let joined = 0; joined < MAX_CONTINUED_LINES && i + 1 < spans.length; joined++) {
      const next = spans[i + 1]!;
      const gap = text.slice(span.end, next.start);
      const nextText = text.slice(next.start, next.end);
      // A blank line between is a paragraph break unless the next line plainly goes on (`23/10/2024 của Chính phủ …`).
      if (!(gap === '\n' || (gap === '\n\n' && /^[\p{Ll}\d]/u.test(nextText))) || /[.;:!?…"”)]$/u.test(text.slice(span.start, span.end)) || NEW_ITEM.test(nextText)) break;
      span.end = next.end;
      i++;
    }
    out.push(span);
  }
  return out;
}

interface CueMatch {
  cue: Cue;
  start: number;
  end: number;
  words: string;
}

function cueMatches(sentence: string): CueMatch[] {
  const found: CueMatch[] = [];
  for (const cue of CUES) {
    for (const m of sentence.matchAll(cue.re)) found.push({ cue, start: m.index, end: m.index + m[0].length, words: m[0] });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // A cue inside a longer one (`bãi bỏ` of `sửa đổi, bổ sung, bãi bỏ`, `thực hiện` of `hướng dẫn thực hiện`) is not read twice.
  return found.filter((c, i) => !found.some((o, j) => j !== i && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start));
}

function sentenceRelations(sentence: string, offset: number, refs: (Reference & { number: string })[], ownNumber: string | null): Relation[] {
  const cues = cueMatches(sentence);
  if (cues.length === 0) return [];
  const local = refs.map((ref) => ({ ref, start: ref.start - offset, end: ref.end - offset }));
  const selfAt = [...sentence.matchAll(SELF)].map((m) => m.index);
  const sinceMatch = SINCE.exec(sentence);
  const since = sinceMatch ? findDate(sinceMatch[1]!) : null;
  const out: Relation[] = [];
  cues.forEach((cue, ci) => {
    const nextCue = cues[ci + 1]?.start ?? sentence.length;
    const previousCue = ci > 0 ? cues[ci - 1]!.end : 0;
    const passive = PASSIVE_BEFORE.test(sentence.slice(0, cue.start));
    let targets: typeof local = [];
    let source: string | null = null;
    if (cue.cue.target === 'after' && !passive) {
      const first = local.find((l) => l.start >= cue.end && l.start < nextCue && targetGap(cue.cue.type, sentence.slice(cue.end, l.start)));
      if (first) targets = listFrom(local, first, sentence, cue.cue.type === 'replaces' || cue.cue.type === 'repeals');
      // The subject: `… này` before the cue, else the nearest document named before the cue with no other cue between.
      const self = selfAt.some((s) => s < cue.start && s >= previousCue - 40);
      const before = local.filter((l) => l.end <= cue.start && l.start >= previousCue && !hasClauseBreak(sentence.slice(l.end, cue.start)));
      if (!self && before.length > 0 && cue.cue.type !== 'based-on' && cue.cue.type !== 'carries-out') {
        source = before[0]!.ref.number;
      }
    } else if (cue.cue.target === 'before' || passive) {
      // `Nghị định số 46/2016/NĐ-CP … hết hiệu lực`, `Chỉ thị số 35-CT/TW được thay thế bởi Chỉ thị số …`.
      const before = local.filter((l) => l.end <= cue.start && l.start >= previousCue && !hasClauseBreak(sentence.slice(l.end, cue.start)));
      const nearest = before.filter((l) => !/có hiệu lực|\(/iu.test(sentence.slice(l.end, cue.start)) && cue.start - l.end <= 2 * MAX_GAP);
      if (nearest.length > 0) targets = listFrom(local, nearest[0]!, sentence, false).filter((t) => t.end <= cue.start);
      if (passive) {
        const agent = AGENT_AFTER.exec(sentence.slice(cue.end));
        const after = agent ? local.find((l) => l.start >= cue.end && l.start <= cue.end + agent[0].length + 40) : undefined;
        if (after) source = after.ref.number;
      }
    }
    // A task or a draft (`tham mưu Chính phủ sửa đổi, bổ sung …`, `dự thảo Nghị định thay thế …`) changes nothing yet.
    if (cue.cue.type !== 'based-on' && cue.cue.type !== 'carries-out' && PROPOSED.test(sentence.slice(previousCue, cue.start))) return;
    if (cue.cue.type === 'carries-out') {
      // Only a plan, programme or project does (`Kế hoạch … thực hiện`), or a line that opens with the cue (`Thực hiện
      // Kết luận số 210-KL/TW …, Ban Thường vụ … ban hành`); `Bộ Nội vụ sẽ thực hiện …` in an article does not.
      const before = sentence.slice(0, cue.start);
      const opens = /^[\s*\-–•+(]*$/u.test(before);
      const plan = PLAN_BEFORE.exec(before);
      if (!opens && !plan) return;
      targets = targets.filter((t) => CARRIED_OUT.test(t.ref.number));
      const named = plan ? local.filter((l) => l.end <= cue.start && l.start >= plan.index - 80 && !hasClauseBreak(sentence.slice(l.end, cue.start))) : [];
      source = named.length > 0 ? named[named.length - 1]!.ref.number : null;
    }
    for (const t of targets) {
      if (t.ref.number === ownNumber || t.ref.number === source) continue;
      const partial = cue.cue.partial === true || /một phần|một số|(?:điều|khoản|điểm)\s+\d/iu.test(cue.words) || partOfBefore(sentence, t.start, previousCue);
      out.push({
        type: cue.cue.type,
        sourceNumber: source === ownNumber ? null : source,
        targetNumber: t.ref.number,
        partial: cue.cue.type === 'based-on' || cue.cue.type === 'guides' || cue.cue.type === 'carries-out' ? false : partial,
        since: cue.cue.type === 'replaces' || cue.cue.type === 'repeals' ? since : null,
        sentence,
        start: offset,
        end: offset + sentence.length,
        targetStart: t.ref.start,
        targetEnd: t.ref.end,
        rule: cue.cue.rule,
      });
    }
  });
  return out;
}

/**
 * A target after which these words follow is still one cue's target: `Nghị quyết số A và Nghị quyết số B`. With
 * `clauses` (a replacement or repeal), documents listed one per `;`-clause are too: `thay thế Chỉ thị số 35-CT/TW,
 * ngày … của Bộ Chính trị về …; Kết luận số 118-KL/TW, ngày …` (the clause opens with the next document).
 */
function listFrom<T extends { start: number; end: number }>(refs: T[], first: T, sentence: string, clauses: boolean): T[] {
  const out = [first];
  for (let i = refs.indexOf(first) + 1; i < refs.length; i++) {
    const gap = sentence.slice(out[out.length - 1]!.end, refs[i]!.start);
    const listed = LIST_GAP.test(gap.replace(/\s+ngày\s+\d{1,2}[^,;]{0,40}?\d{4}/gu, '').replace(/\s+của\s+[^,;]{0,60}$/u, ''));
    if (!listed && !(clauses && /^[^;.]{0,300};\s*$/u.test(gap))) break;
    out.push(refs[i]!);
  }
  return out;
}

/** Words before a cue that make it a task, a draft, a wish or a condition rather than a change made. */
const PROPOSED = /(?<![\p{L}])(?:dự thảo|tham mưu|nghiên cứu|đề xuất|đề nghị|kiến nghị|trình|trình (?:Chính phủ|Quốc hội|Thủ tướng|Bộ Chính trị|Ban Bí thư|cấp có thẩm quyền)|rà soát|sẽ|đang|cần|để|nhằm|chuẩn bị|lý do|vì sao|tại sao|trường hợp|nếu|khi)(?![\p{L}])/iu;

/**
 * What may stand between a cue and the target written after it: nothing but `số`-less fillers (`các`, `toàn bộ`,
 * `văn bản`), the parts of the target (`điểm a và điểm b khoản 1 Điều 17`), a kind word the reference patterns do not
 * take (`Pháp lệnh`, `Bộ luật`); a `Căn cứ` line may name the body or law first (`Căn cứ Luật Tổ chức Quốc hội số`).
 */
function targetGap(type: RelationType, gap: string): boolean {
  if (hasClauseBreak(gap) || gap.length > MAX_GAP) return false;
  if (type === 'based-on') return true;
  const rest = gap
    .replace(/(?:(?:điểm|khoản|điều|chương|mục|phụ lục)\s+[\p{L}\d.]{1,6}(?:\s*(?:,|và)\s*(?:(?:điểm|khoản|điều)\s+)?[\p{L}\d.]{1,6})*\s*(?:của|tại)?\s*)/giu, ' ')
    .replace(/(?<![\p{L}])(?:các|toàn bộ|những|cho|văn bản|theo|Pháp lệnh|Bộ luật|Luật|số|như sau|về việc|liên tịch)(?![\p{L}])/giu, ' ');
  return /^[\s,*]*$/u.test(rest);
}

/** Words between a cue and its target that start another clause: `;`, `:`. */
const hasClauseBreak = (gap: string): boolean => /[;:]/u.test(gap);

/** `Điều 9 Nghị quyết 193/2025/QH15` (a part named just before the target). */
function partOfBefore(sentence: string, targetStart: number, from: number): boolean {
  const before = sentence.slice(Math.max(from, targetStart - 60), targetStart);
  return /(?:^|\s)(?:Điều|khoản|điểm|Chương|Mục|Phụ lục)\s+[\dIVXa-zđ]+[^.;]{0,40}?(?:của\s+)?$/u.test(before);
}

/**
 * The number a document speaks for when it says `Chỉ thị này`: its own, or, for a page that publishes or reports one
 * document (`Chỉ thị số 45-CT/TW về đại hội đảng bộ …`, `Tải file Nghị quyết 81/2025/NQ-HĐND …`), the full number its
 * title opens with. Null when neither.
 */
export function subjectNumber(number: string | null, title: string | null): string | null {
  if (number !== null) return number;
  if (title === null) return null;
  const lead = /^(?:#+\s*)?(?:(?:Toàn văn|Tải file|Tải về|Văn bản|Nội dung)\s+)?/iu.exec(title)![0].length;
  const first = findReferences(title).find((r) => r.number !== null);
  return first && first.start === lead && first.kind !== null ? first.number : null;
}
