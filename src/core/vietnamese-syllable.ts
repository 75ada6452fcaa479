/**
 * Strict Vietnamese syllable check, with vowel marks and tones: a syllable is an onset, a rhyme and a tone, and
 * only some of each combine. Used to tell OCR garbles (`ưung`, `nảy`-like slips stay valid and are left to context)
 * from real syllables. Rules from standard Vietnamese orthography (Đoàn Thiện Thuật, *Ngữ âm tiếng Việt*, 1977;
 * the rhyme table of Quy định về chính tả, QĐ 240/QĐ 1984):
 * - onsets: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none;
 * - `k`, `gh`, `ngh` only before i, y, e, ê (and iê); `c`, `g`, `ng` never before them; `q` only as `qu`;
 * - rhymes: the table below (toneless), with the glide forms (`oa…`, `uy…`, `uâ…`) only after onsets other than
 *   `qu` (which carries its glide);
 * - a rhyme closed by p, t, c or ch takes only the sắc or nặng tone.
 */

/** Toneless rhymes of Vietnamese (without the glide after `qu`). */
const RHYMES = new Set(
  (
    'a ai ao au ay an ang anh am ap at ac ach ăn ăng ăm ăp ăt ăc âu ây ân âng âm âp ât âc ' +
    'e eo en eng em ep et ec ê êu ên êng ênh êm êp êt êch ' +
    'i ia iu in inh im ip it ich iêu iên iêng iêm iêp iêt iêc ' +
    'o oi on ong om op ot oc oong ooc ô ôi ôn ông ôm ôp ôt ôc ơ ơi ơn ơm ơp ơt ' +
    'u ua ui un ung um up ut uc uôi uôn uông uôm uôt uôc ' +
    'ư ưa ưi ưu ưn ưng ưm ưt ưc ươi ươu ươn ương ươm ươp ươt ươc ' +
    'y yêu yên yêm yêt ' +
    'oa oai oay oan oang oanh oam oap oat oac oach oăn oăng oăm oăt oăc oe oeo oen oem oet ' +
    'uê uên uênh uêch uy uya uyu uyn uynh uyt uych uyp uyên uyêt uơ uân uâng uât uây'
  ).split(' '),
);

/** Rhymes that begin with the u/o glide: `qu` already carries it. */
const GLIDED = /^(o[aăe]|u[êyơâ])/;
/** Rhymes `y…`/`yê…` stand alone or after the glide u (`uyên`); with an onset, `iê…` is written instead. */
const Y_RHYMES = /^yê/;

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;
export type Tone = '' | '\u0300' | '\u0301' | '\u0303' | '\u0309' | '\u0323';
export const TONES: Tone[] = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Lower-case letters a syllable may hold, tone marks aside. */
export const BASE_LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const BASE_SET = new Set(BASE_LETTERS);

/** A lower-case NFC word split into its toneless letters and its tone mark; null when it has two tones. */
export function splitTone(word: string): { base: string; tone: Tone } | null {
  const nfd = word.normalize('NFD');
  const marks = nfd.match(TONE_MARK) ?? [];
  if (marks.length > 1) return null;
  return { base: nfd.replace(TONE_MARK, '').normalize('NFC'), tone: (marks[0] ?? '') as Tone };
}

/**
 * Puts a tone on toneless letters where Vietnamese writes it: on the vowel with a mark (ơ, ê, â…), else on the last
 * vowel before a coda or the second of `oa/oe/uy` + coda, else the first of two final vowels (`ái`, `ào`); `qu` and
 * `gi` are onsets, not vowels. Returns NFC.
 */
export function withTone(base: string, tone: Tone): string {
  if (tone === '') return base;
  const start = base.startsWith('qu') ? 2 : base.startsWith('gi') && /[aăâeêoôơuư]/.test(base.slice(2)) ? 2 : 0;
  const vowels: number[] = [];
  for (let i = start; i < base.length; i++) if ('aăâeêiyoôơuư'.includes(base[i]!)) vowels.push(i);
  if (vowels.length === 0) return base;
  let at = vowels.find((i) => 'ăâêôơư'.includes(base[i]!) && !(base[i] === 'ư' && base[i + 1] === 'ơ'));
  if (base.includes('ươ')) at = base.indexOf('ươ') + 1;
  if (at === undefined) {
    const last = vowels[vowels.length - 1]!;
    const closed = last < base.length - 1;
    if (vowels.length === 1) at = vowels[0];
    else if (closed || /^(oa|oe|uy)$/.test(base.slice(vowels[0], last + 1))) at = last;
    else if (vowels.length === 3) at = vowels[1];
    else at = vowels[0];
  }
  const i = at ?? vowels[0]!;
  return (base.slice(0, i) + (base[i]! + tone).normalize('NFC') + base.slice(i + 1)).normalize('NFC');
}

/** Whether a toneless lower-case syllable is well-formed (onset + rhyme + spelling rules). */
function wellFormedBase(base: string): boolean {
  for (const ch of base) if (!BASE_SET.has(ch)) return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    let rhyme = base.slice(onset.length);
    // `gi` before a consonant or alone is g + i (`gì`, `gìn`); before a vowel it is the onset (`gia`, `giường`).
    if (onset === 'gi' && (rhyme === '' || !/^[aăâeêoôơuư]/.test(rhyme))) continue;
    if (onset === 'gi' && rhyme.startsWith('ê')) rhyme = `iê${rhyme.slice(1)}`;
    if (!RHYMES.has(rhyme)) continue;
    const front = /^(i|y|e|ê)/.test(rhyme);
    if (['k', 'gh', 'ngh'].includes(onset) && !front) continue;
    if (['c', 'g', 'ng'].includes(onset) && front && onset !== 'g') continue;
    if (onset === 'g' && /^(e|ê)/.test(rhyme)) continue;
    if (onset === 'qu' && (GLIDED.test(rhyme) || /^[uo]/.test(rhyme))) continue;
    if (onset !== '' && onset !== 'qu' && Y_RHYMES.test(rhyme)) continue;
    return true;
  }
  return false;
}

/**
 * Whether a word is one valid Vietnamese syllable (any case): letters only, one tone at most, a legal onset and
 * rhyme, and a stop-final rhyme (p, t, c, ch) only with the sắc or nặng tone.
 */
export function isValidSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (!split || split.base === '') return false;
  if (!wellFormedBase(split.base)) return false;
  if (/(p|t|c|ch)$/.test(split.base) && !['\u0301', '\u0323'].includes(split.tone)) return false;
  return true;
}
