/**
 * Fifty queries as people type them with the input method switched off: the keystrokes of Telex or VNI arrive as
 * ASCII. Written from the habits of both methods (Unikey's): the tone key at the end of the word or right after the
 * vowel, `uow`/`uwow`/`uwo` for ươ, `w` alone for ư, a capital first letter, VNI digits in any order after the
 * vowel, numbers and document numbers among the words.
 */
import { describe, expect, it } from 'vitest';
import { correctTelexQuery } from '../../src/core/telex.js';

const TELEX: [string, string][] = [
  ['nghij quyeets trung uwowng', 'nghị quyết trung ương'],
  ['ddangr vieen', 'đảng viên'],
  ['vieejt nam', 'việt nam'], // tone right after the vowel
  ['Vieetj Nam', 'Việt Nam'],
  ['chur tichj nuwowcs', 'chủ tịch nước'],
  ['thur tuwowngs chinhs phur', 'thủ tướng chính phủ'],
  ['truowngf hocj', 'trường học'], // uow
  ['truwongf ddaij hocj', 'trường đại học'], // uwo, completed to ươ
  ['nguwowif daan', 'người dân'],
  ['nguwowfi daan', 'người dân'], // tone typed before the last vowel
  ['ddaij hooij ddangr', 'đại hội đảng'],
  ['Ddaij hooij XIV', 'Đại hội XIV'],
  ['bis thuw tinhr uyr', 'bí thư tỉnh ủy'],
  ['kieemr tra giams sats', 'kiểm tra giám sát'],
  ['quoocs hooij', 'quốc hội'],
  ['hieens phaps', 'hiến pháp'],
  ['luaatj ddaats ddai', 'luật đất đai'],
  ['kyr luaatj ddangr', 'kỷ luật đảng'],
  ['phongf choongs tham nhungx', 'phòng chống tham nhũng'],
  ['cans booj chur choots', 'cán bộ chủ chốt'],
  ['tuw tuwowngr Hoof Chis Minh', 'tư tưởng Hồ Chí Minh'],
  ['hocj taapj vaf lamf theo', 'học tập và làm theo'],
  ['xaay duwngj chinhr ddoons ddangr', 'xây dựng chỉnh đốn đảng'],
  ['Haf Nooij', 'Hà Nội'],
  ['Thanhf phoos Hoof Chis Minh', 'Thành phố Hồ Chí Minh'],
  ['Too Laam', 'Tô Lâm'], // `oo` ends no syllable
  ['sawps xeeps tinh gonj booj mays', 'sắp xếp tinh gọn bộ máy'],
  ['dduowngf loois ddooois ngoaij', null as unknown as string], // `ddooois` is a typo of no syllable: nothing converted
  ['dduowngf loois ddoois ngoaij', 'đường lối đối ngoại'],
  ['nhwng', 'nhưng'], // w alone
  ['thuees thu nhaapj cas nhaan 2025', 'thuế thu nhập cá nhân 2025'],
  ['nghij ddinhj 100/2019/NDD-CP', 'nghị định 100/2019/NDD-CP'], // the number is not a word
  ['quy ddinhj 366 nawm 2025', 'quy định 366 năm 2025'],
];

const VNI: [string, string][] = [
  ['nghi5 quye61t', 'nghị quyết'],
  ['d9a3ng vie6n', 'đảng viên'],
  ['Vie65t Nam', 'Việt Nam'],
  ['quye6t1 d9i5nh', 'quyết định'], // tone after the final consonant
  ['quyet61 dinh95', 'quyết định'], // every mark at the end
  ['chu3 ti5ch nu7o71c', 'chủ tịch nước'],
  ['tru7o72ng d9a5i ho5c', 'trường đại học'],
  ['ngu7o72i da6n', 'người dân'],
  ['nguoi72 dan6', 'người dân'],
  ['d9a5i ho65i d9a3ng la62n thu71 XIV', 'đại hội đảng lần thứ XIV'],
  ['kie63m tra gia1m sa1t', 'kiểm tra giám sát'],
  ['Ha2 No65i', 'Hà Nội'],
  ['ba1o ca1o chi1nh tri5', 'báo cáo chính trị'],
  ['lua65t d9a61t d9ai 2024', 'luật đất đai 2024'],
  ['sa81p xe61p d9o7n vi5 ha2nh chi1nh', 'sắp xếp đơn vị hành chính'],
  ['nghi5 d9i5nh 100/2019', 'nghị định 100/2019'],
  ['nghi5 quye61t 22 na8m 2019', 'nghị quyết 22 năm 2019'],
  ['d9ie62u 5 lua65t', 'điều 5 luật'],
];

describe('Telex and VNI typed with the input method off', () => {
  it.each(TELEX)('Telex %s → %s', (typed, vietnamese) => {
    expect(correctTelexQuery(typed)).toBe(vietnamese);
  });

  it.each(VNI)('VNI %s → %s', (typed, vietnamese) => {
    expect(correctTelexQuery(typed)).toBe(vietnamese);
  });

  it('counts fifty typed queries', () => {
    expect(TELEX.length + VNI.length).toBeGreaterThanOrEqual(50);
  });

  it('never reads numbers, years, document numbers or codes as VNI', () => {
    for (const query of ['22', '2019', '100/2019', 'Nghị quyết 22-NQ/TW', '33/2024/QH15', 'Điều 5 khoản 2', 'covid19', 'H2O', 'U23 A1', 'khoa13', 'nam2019 lan22'])
      expect(correctTelexQuery(query), query).toBeNull();
  });

  it('leaves English words with an inner s alone', () => {
    for (const query of ['cost', 'test', 'best practice', 'post']) expect(correctTelexQuery(query), query).toBeNull();
  });
});

describe('regression: a capitalised loanword in a query typed with the input method on', () => {
  it('keeps `Taxi` as typed (ViRe4MRC: `phim "Taxi! Em tên gì?"` became `Tãi`, and its phrase matched nothing)', () => {
    expect(correctTelexQuery('Vì sao khách hàng chọn xem phim "Taxi! Em tên gì?"?')).toBeNull();
    expect(correctTelexQuery('Vì sao khách hàng chọn xem phim “Taxi! Em tên gì?”?')).toBeNull();
    // Without any composed letter the input method was off: a leftover is still read.
    expect(correctTelexQuery('Nghij quyeets Trung uwowng')).toBe('Nghị quyết Trung ương');
  });
});
