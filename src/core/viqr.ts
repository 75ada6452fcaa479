/**
 * VIQR (Vietnamese Quoted-Readable, RFC 1456): Vietnamese typed in plain ASCII, each mark written after its letter.
 * Vowel marks: `a(` ă, `a^` â, `e^` ê, `o^` ô, `o+` ơ, `u+` ư, `dd` đ; tones: `'` sắc, `` ` `` huyền, `?` hỏi,
 * `~` ngã, `.` nặng (`Co^ng ta'c da^n va^.n` = Công tác dân vận); a backslash keeps the next character literal.
 *
 * `.`, `?` and `'` are also punctuation. Inside a word (a letter follows) they are always marks; at the end of a word
 * they are a tone only when the text goes on in the same sentence (a lower-case word, a digit, `,` `;` `:` `)`),
 * so `nhie^.m vu. co'` is `nhiệm vụ có` while `da^n.` ending a sentence keeps its full stop. A toned word that ends a
 * sentence (`vu.` + full stop) is read as a full stop; RFC 1456 has writers escape such a stop (`vu.\.`).
 */

const MODIFIER: Record<string, string> = { '^': '\u0302', '(': '\u0306', '+': '\u031B' };
/** Which vowels take which modifier. */
const TAKES: Record<string, string> = { '^': 'aAeEoO', '(': 'aA', '+': 'oOuU' };
const TONE: Record<string, string> = { "'": '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323' };

/** A letter whose VIQR marks are all read; `dd` and escapes are handled before. */
const SYLLABLE_MARKS = /\\(.)|(dd|DD|Dd)|([aAeEiIoOuUyY])([\^(+]?)([`'?~.]?)/gu;

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** Whether a mark at the end of a word is a tone: the sentence goes on after it. */
function continuesSentence(text: string, after: number): boolean {
  const next = text[after];
  if (next === undefined) return false;
  if (/[,;:)]/u.test(next)) return true;
  if (next !== ' ' && next !== '\t') return false;
  const m = /^[ \t]+([\p{Ll}\p{N}])/u.exec(text.slice(after, after + 8));
  return m !== null;
}

/** Unicode (NFC) for a VIQR text; characters that are not VIQR marks pass through unchanged. */
export function decodeViqr(text: string): string {
  return text
    .replace(SYLLABLE_MARKS, (whole, escaped: string | undefined, dd: string | undefined, vowel: string, modifier: string, tone: string, offset: number) => {
      if (escaped !== undefined) return escaped;
      if (dd !== undefined) return dd[0] === 'd' ? 'đ' : 'Đ';
      let out = vowel;
      let end = offset + 1;
      if (modifier) {
        const after = text[end + 1];
        // `a(` is a breve only inside a word; `(` before a space or digit is a parenthesis.
        if (TAKES[modifier]!.includes(vowel) && (modifier !== '(' || isLetter(after) || (after !== undefined && after in TONE))) {
          out += MODIFIER[modifier];
          end++;
        } else return vowel + whole.slice(1);
      }
      if (tone) {
        const wordGoesOn = isLetter(text[end + 1]);
        // `'`, `` ` `` and `~` after a vowel are tones wherever they stand; `.` and `?` may end a sentence.
        if (wordGoesOn || (tone !== '.' && tone !== '?') || continuesSentence(text, end + 1)) {
          out += TONE[tone];
        } else return (out + tone).normalize('NFC');
      }
      return out.normalize('NFC');
    })
    .normalize('NFC');
}

/** Count of VIQR mark sequences in a text: a vowel mark, or a tone mark followed by more of the word. */
export function viqrMarkCount(text: string): number {
  return text.match(/[aAeEoOuU][\^+(][`'?~.]?|[aeiouyAEIOUY][`'?~.](?=[\p{L}])|[aeiouy][`'~](?=[\s,;:])|\bdd|\bDD/gu)?.length ?? 0;
}
