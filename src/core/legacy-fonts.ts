/**
 * Decoders for the two 8-bit font encodings of pre-Unicode Vietnamese documents, applied to text whose bytes were
 * read as Latin-1 (which is how such files, and PDF text layers set in their fonts, arrive).
 *
 * - TCVN3 (ABC, .VnTime fonts): one byte per lower-case letter; capitals with tones come from a separate capitals
 *   font that reuses the lower-case codes, so they decode as lower-case letters.
 * - VNI-Windows: a base letter followed by one byte for its vowel mark and tone (`Toâi` = Tôi, `Töï` = Tự).
 *
 * The tables are written here because the npm package vietnamese-conversion, checked first, mis-decodes VNI
 * (`öï` → `ưï` instead of `ự`, `yõ`) and caches every whole text it converts; the tests compare the TCVN3 table
 * with that package's, where it is right.
 */

const TCVN3_PAIRS =
  'Â¢ Ê£ Ô¤ àµ á¸ â© ã· èÌ éÐ êª ì× íÝ òß óã ô« õâ ùï úó ýý Ă¡ Đ§ Ơ¥ Ư¦ ă¨ đ® ĩÜ ũò ơ¬ ư\u00AD ạ¹ ả¶ ấÊ ầÇ ẩÈ ẫÉ ậË ắ¾ ằ» ẳ¼ ẵ½ ặÆ ẹÑ ẻÎ ẽÏ ếÕ ềÒ ểÓ ễÔ ệÖ ỉØ ịÞ ọä ỏá ốè ồå ổæ ỗç ộé ớí ờê ởë ỡì ợî ụô ủñ ứø ừõ ửö ữ÷ ựù ỳú ỵþ ỷû ỹü';

/** Unicode letter → its TCVN3 byte (as a Latin-1 character). */
export const TCVN3: ReadonlyMap<string, string> = new Map(TCVN3_PAIRS.split(' ').map((p) => [p[0]!, p[1]!]));

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const; // none, sắc, huyền, hỏi, ngã, nặng
const VNI_TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

/** Unicode letter → its VNI-Windows spelling, built from VNI's composition rules. */
function buildVni(): Map<string, string> {
  const table = new Map<string, string>([
    ['đ', 'ñ'],
    ['Đ', 'Ñ'],
  ]);
  const add = (unicodeNfd: string, vni: string): void => {
    const lower = unicodeNfd.normalize('NFC');
    table.set(lower, vni);
    // Capitals: the base letter and the mark bytes both in upper case (Latin-1 upper = lower − 0x20).
    table.set(lower.toUpperCase(), [...vni].map((c) => (c.charCodeAt(0) >= 0xe0 ? String.fromCharCode(c.charCodeAt(0) - 0x20) : c.toUpperCase())).join(''));
  };
  TONES.forEach((tone, t) => {
    for (const v of ['a', 'e', 'o', 'u', 'y']) if (t > 0) add(v + tone, v + VNI_TONE[t]);
    for (const v of ['a', 'e', 'o']) add(`${v}\u0302${tone}`, v + VNI_CIRCUMFLEX[t]);
    add(`a\u0306${tone}`, `a${VNI_BREVE[t]}`);
    add(`o\u031B${tone}`, `ô${VNI_TONE[t]}`);
    add(`u\u031B${tone}`, `ö${VNI_TONE[t]}`);
    if (t > 0) add(`i${tone}`, VNI_I[t]!);
  });
  table.set('ỵ', 'î');
  table.set('Ỵ', 'Î');
  return table;
}

export const VNI: ReadonlyMap<string, string> = buildVni();

/** Longest-match decoder for a table of Unicode → legacy spellings. */
function decoder(table: ReadonlyMap<string, string>): (latin1Text: string) => string {
  const reverse = new Map([...table].map(([u, legacy]) => [legacy, u]));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp([...reverse.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return (text) => text.replace(pattern, (m) => reverse.get(m)!);
}

export const decodeTcvn3 = decoder(TCVN3);
export const decodeVni = decoder(VNI);
