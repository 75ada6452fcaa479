/**
 * The field table legal portals (thuvienphapluat.vn and the like) print above a document: `Số hiệu`, `Loại văn
 * bản`, `Nơi ban hành`, `Người ký`, `Ngày ban hành`, `Tình trạng`, each label followed by its value on the same line
 * or the next. Read as metadata; the table's span is kept out of the passages.
 */
import { findDate } from './dates.js';
import type { TextLine } from './text-lines.js';
import type { DocumentStatus } from './types.js';

export interface PortalFields {
  number: string | null;
  /** `Loại văn bản` as printed (`Nghị quyết`). */
  kindWords: string | null;
  /** `Nơi ban hành` as printed (often a place, `Thành phố Hà Nội`, rather than the body). */
  issuedBy: string | null;
  signer: string | null;
  date: string | null;
  status: DocumentStatus | null;
  start: number;
  end: number;
}

const LABEL = /^(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng|Lĩnh vực|Ngày hết hiệu lực)\s*:\s*(.*)$/iu;
/** Values that say nothing. */
const UNKNOWN = /^(Đã biết|Đang cập nhật|Không có|\.{3}|…)$/iu;
const MAX_SCAN_LINES = 60;

/** `Tình trạng` values as the portals word them (see COMMON conventions); `Đã biết` and the like give null. */
export function statusOf(value: string): DocumentStatus | null {
  const v = value.trim().toLocaleLowerCase('vi');
  if (/^còn hiệu lực/u.test(v)) return 'in-force';
  if (/^chưa có hiệu lực/u.test(v)) return 'not-yet-in-force';
  if (/^hết hiệu lực một phần/u.test(v)) return 'partly-in-force';
  if (/^hết hiệu lực/u.test(v)) return 'no-longer-in-force';
  return null;
}

/** The portal field table among the first lines, or null when there is none (it must have `Số hiệu`). */
export function readPortalFields(lines: TextLine[]): PortalFields | null {
  const scan = Math.min(lines.length, MAX_SCAN_LINES);
  const at = lines.slice(0, scan).findIndex((l) => /^Số hiệu\s*:/iu.test(l.text));
  if (at === -1) return null;
  const values = new Map<string, string>();
  let i = at;
  let last = at;
  while (i < lines.length) {
    const m = LABEL.exec(lines[i]!.text);
    if (!m) break;
    let value = m[2]!.trim();
    last = i;
    if (value === '' && lines[i + 1] && !LABEL.test(lines[i + 1]!.text)) {
      value = lines[i + 1]!.text;
      last = i + 1;
      i++;
    }
    if (value !== '' && !UNKNOWN.test(value)) values.set(m[1]!.toLocaleLowerCase('vi'), value);
    i++;
  }
  const get = (k: string) => values.get(k) ?? null;
  const status = get('tình trạng');
  const date = get('ngày ban hành');
  return {
    number: get('số hiệu'),
    kindWords: get('loại văn bản'),
    issuedBy: get('nơi ban hành'),
    signer: get('người ký'),
    date: date ? findDate(date) : null,
    status: status ? statusOf(status) : null,
    start: lines[at]!.start,
    end: lines[last]!.end,
  };
}
