/**
 * The Vietnamese syllable as spelled: its grammar (onset, vowel nucleus, coda, tone), where its tone mark goes, and
 * every accented syllable a word written without marks can stand for (`duong` → dương, đương, đường, dưỡng, …).
 * Pure; used to read Telex/VNI keystrokes (telex.ts) and to restore diacritics (restore-diacritics.ts).
 *
 * Nuclei, codas and the rule that `c ch p t` take only the sắc or nặng tone are those of Vietnamese orthography
 * (Đoàn Thiện Thuật, Ngữ âm tiếng Việt); tone placement is the traditional one (`hóa`, `thúy`, `hoạt`, `người`).
 */

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdđghklmnprstvx', ''];
const CODAS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
/** Vowel nuclei of Vietnamese with their marks, toneless: open (no final consonant), closed, or either. */
const OPEN = new Set('ai ao au âu ay ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oay oeo uây uôi ươi ươu iêu yêu uya uyu'.split(' '));
const CLOSED = new Set('ă â iê yê uô ươ oă uâ uyê oo'.split(' '));
const EITHER = new Set('a e ê i o ô ơ u ư y oa oe uê uy uơ'.split(' '));
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Whether a lower-case syllable is spelled as Vietnamese is, marks included: an onset, a nucleus from the language's
 * inventory (`ươ` needs a final consonant, `ưe` does not exist), a coda, and after `c ch p t` only the sắc or nặng
 * tone. Stricter than isVietnameseSyllable, which reads folded letters and would take `neư` for `neu`.
 */
export function isWellFormedSyllable(syllable: string): boolean {
  const decomposed = syllable.normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    for (const coda of CODAS) {
      if (!bare.endsWith(coda) || bare.length < onset.length + coda.length + 1) continue;
      const nucleus = bare.slice(onset.length, bare.length - coda.length);
      const fits = coda === '' ? OPEN.has(nucleus) || EITHER.has(nucleus) : CLOSED.has(nucleus) || EITHER.has(nucleus);
      if (!fits) continue;
      if (/^(c|ch|p|t)$/u.test(coda) && tones.length === 1 && tones[0] !== '\u0301' && tones[0] !== '\u0323') continue;
      return true;
    }
  }
  return false;
}

const VOWEL = /[aeiouyâêôăơư]/u;
const MARKED = /[âêôăơư]/u;

/** Index of the vowel that carries the tone in a syllable without tone (the usual `hóa`/`hoạt`/`quyết` placement). */
export function toneVowel(syllable: string): number {
  // `qu` and `gi` before another vowel are onsets: their u and i carry no tone.
  const onset = /^(qu|gi(?=[aeouyâêôăơư]))/u.exec(syllable)?.[0].length ?? 0;
  const positions: number[] = [];
  for (let i = onset; i < syllable.length; i++) if (VOWEL.test(syllable[i]!)) positions.push(i);
  if (positions.length === 0) return onset > 0 ? onset - 1 : -1;
  // ươ carries it on ơ; otherwise the marked vowel.
  const marked = positions.filter((i) => MARKED.test(syllable[i]!));
  if (marked.length > 0) return marked[marked.length - 1]!;
  const last = positions[positions.length - 1]!;
  const closed = last < syllable.length - 1;
  if (positions.length === 1) return positions[0]!;
  // A closed syllable or three vowels: the second (hoạt, ngoài); an open two-vowel one: the first (múa, hóa).
  return closed || positions.length === 3 ? positions[1]! : positions[0]!;
}


/** The five tone marks (combining), and no tone. */
const TONE_CHOICES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** The marked letters a plain letter may stand for. */
const MARK_CHOICES: Record<string, string[]> = { a: ['a', 'ă', 'â'], e: ['e', 'ê'], o: ['o', 'ô', 'ơ'], u: ['u', 'ư'] };

/** A toneless syllable with `tone` (a combining mark, or '') on its tone-bearing vowel, NFC; null when it has none. */
export function placeTone(bare: string, tone: string): string | null {
  if (tone === '') return bare;
  const at = toneVowel(bare);
  if (at < 0) return null;
  return (bare.slice(0, at + 1) + tone + bare.slice(at + 1)).normalize('NFC');
}

const formsCache = new Map<string, readonly string[]>();
/** Distinct words looked up are bounded by the language's few thousand syllables; this guards against odd input. */
const FORMS_CACHE_LIMIT = 50_000;

/**
 * Every well-formed syllable (lower case, NFC) whose letters without marks are `plain`, a lower-case word of ASCII
 * letters: `duong` → duong? no (`uo` needs a mark), dương, đương, đường, dưỡng, …; `trung` → trung, trúng, trùng, …
 * Empty when `plain` is no syllable written without its marks (`history`, `too`, `ddi`).
 */
export function accentedForms(plain: string): readonly string[] {
  let forms = formsCache.get(plain);
  if (forms) return forms;
  const out: string[] = [];
  if (/^[a-z]{1,7}$/u.test(plain)) {
    let bases = [''];
    for (let i = 0; i < plain.length; i++) {
      const c = plain[i]!;
      const choices = i === 0 && c === 'd' ? ['d', 'đ'] : (MARK_CHOICES[c] ?? [c]);
      bases = bases.flatMap((b) => choices.map((x) => b + x));
    }
    for (const bare of bases) {
      if (!isWellFormedSyllable(bare)) continue;
      for (const tone of TONE_CHOICES) {
        const form = placeTone(bare, tone);
        if (form !== null && isWellFormedSyllable(form)) out.push(form);
      }
    }
  }
  forms = out;
  if (formsCache.size < FORMS_CACHE_LIMIT) formsCache.set(plain, forms);
  return forms;
}

/** Whether a lower-case ASCII word is a Vietnamese syllable written without its marks (`trung`, `uong`, `duoc`). */
export function isFoldedSyllable(plain: string): boolean {
  return accentedForms(plain).length > 0;
}
