/** Dates as Vietnamese texts write them, day before month: `23/10/2015`, `13-11-2018`, `ngày 5 tháng 9 năm 2023`. */

const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])/u;
const WORDED_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

function toIso(day: number, month: number, year: number): string | null {
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first valid Vietnamese-format date (day before month) in a piece of text. */
export function findDate(text: string): string | null {
  for (const re of [WORDED_DATE, NUMERIC_DATE]) {
    const m = re.exec(text);
    if (m) {
      const iso = toIso(Number(m[1]), Number(m[2]), Number(m[3]));
      if (iso) return iso;
    }
  }
  return null;
}
