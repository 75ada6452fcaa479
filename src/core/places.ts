/**
 * Vietnam's provinces and centrally-run cities, as a question names them: a question about `dân quân tỉnh Bình Dương`
 * is not answered by a passage about Long An's, however many other words they share (src/core/answer.ts).
 *
 * The 63 provinces and cities of Nghị quyết 1211/2016/UBTVQH13's list as they stood before the 2025 mergers
 * (Nghị quyết 202/2025/QH15 kept 34 of these names and merged the others into them): documents and questions use
 * both. Each entry: the name, and other forms a text may use for it (`TP.HCM`, `Huế`). Pure.
 */
import { toneKey, tokenize } from './normalize.js';

const PROVINCES: readonly (readonly string[])[] = [
  ['An Giang'], ['Bà Rịa - Vũng Tàu', 'Bà Rịa', 'Vũng Tàu'], ['Bạc Liêu'], ['Bắc Giang'], ['Bắc Kạn'], ['Bắc Ninh'],
  ['Bến Tre'], ['Bình Dương'], ['Bình Định'], ['Bình Phước'], ['Bình Thuận'], ['Cà Mau'], ['Cao Bằng'], ['Cần Thơ'],
  ['Đà Nẵng'], ['Đắk Lắk'], ['Đắk Nông'], ['Điện Biên'], ['Đồng Nai'], ['Đồng Tháp'], ['Gia Lai'], ['Hà Giang'],
  ['Hà Nam'], ['Hà Nội'], ['Hà Tĩnh'], ['Hải Dương'], ['Hải Phòng'], ['Hậu Giang'], ['Hòa Bình'], ['Hưng Yên'],
  ['Khánh Hòa'], ['Kiên Giang'], ['Kon Tum'], ['Lai Châu'], ['Lạng Sơn'], ['Lào Cai'], ['Lâm Đồng'], ['Long An'],
  ['Nam Định'], ['Nghệ An'], ['Ninh Bình'], ['Ninh Thuận'], ['Phú Thọ'], ['Phú Yên'], ['Quảng Bình'], ['Quảng Nam'],
  ['Quảng Ngãi'], ['Quảng Ninh'], ['Quảng Trị'], ['Sóc Trăng'], ['Sơn La'], ['Tây Ninh'], ['Thái Bình'],
  ['Thái Nguyên'], ['Thanh Hóa'], ['Thừa Thiên Huế', 'Huế'], ['Tiền Giang'], ['Hồ Chí Minh', 'HCM', 'TPHCM'],
  ['Trà Vinh'], ['Tuyên Quang'], ['Vĩnh Long'], ['Vĩnh Phúc'], ['Yên Bái'],
];

interface Place {
  name: string;
  /** Each form as its words (tone keys and folded). */
  forms: Word[][];
  /** The forms that make a question name it, when narrower than `forms`. */
  named: Word[][];
}

/**
 * `Hồ Chí Minh` alone is mostly the person (`tư tưởng Hồ Chí Minh`, a theme of half the Party's documents): a question
 * names the city only with `Thành phố` / `TP` before it, or as `HCM`.
 */
const NAMED_AS: Record<string, readonly string[]> = { 'Hồ Chí Minh': ['thành phố Hồ Chí Minh', 'tp Hồ Chí Minh', 'HCM', 'TPHCM'] };

interface Word {
  key: string;
  folded: string;
  capitalized: boolean;
}

function words(text: string): Word[] {
  return tokenize(text).map((t) => {
    const raw = text.slice(t.start, t.end);
    return { key: toneKey(raw), folded: t.text, capitalized: raw[0] !== raw[0]!.toLowerCase() };
  });
}

const PLACES: Place[] = PROVINCES.map((forms) => ({ name: forms[0]!, forms: forms.map(words), named: (NAMED_AS[forms[0]!] ?? forms).map(words) }));

function findForm(text: Word[], form: Word[], exact: boolean, capitalized: boolean): boolean {
  outer: for (let i = 0; i + form.length <= text.length; i++) {
    for (let j = 0; j < form.length; j++) {
      const w = text[i + j]!;
      if (exact ? w.key !== form[j]!.key : w.folded !== form[j]!.folded) continue outer;
      // Only the form's capitalised words must be capitalised in the text (`thành phố` before a name may not be).
      if (capitalized && form[j]!.capitalized && !w.capitalized) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * The provinces `question` names, by their first form (`Bình Dương`): only capitalised, as Vietnamese writes a
 * place name (`hòa bình`, peace, is not Hòa Bình). Accent-exact when `exact`, else folded.
 */
export function namedPlaces(question: string, exact: boolean): string[] {
  const text = words(question);
  return PLACES.filter((p) => p.named.some((f) => findForm(text, f, exact, true))).map((p) => p.name);
}

/** Whether `text` mentions the province `name` (one of namedPlaces' results) in any of its forms, any case. */
export function mentionsPlace(text: string, name: string, exact: boolean): boolean {
  const place = PLACES.find((p) => p.name === name);
  if (!place) return false;
  const tokens = words(text);
  return place.forms.some((f) => findForm(tokens, f, exact, false));
}
