import { describe, expect, it } from 'vitest';
import { extractAnswer, type AnswerSource } from '../../src/core/answer.js';

const source = (text: string, start = 0): AnswerSource => ({ documentId: 'd', passageId: 'd-0', text, start });

describe('extractAnswer', () => {
  it('quotes the sentences that cover the query, each with its citation and offsets', () => {
    const text = 'Mở đầu văn bản. Nâng cao chất lượng sinh hoạt chi bộ hằng tháng. Nội dung khác.';
    const answer = extractAnswer('sinh hoạt chi bộ', [source(text, 100)])!;
    expect(answer.text).toBe('Nâng cao chất lượng sinh hoạt chi bộ hằng tháng. [1]');
    expect(answer.sentences).toEqual([{ n: 1, text: 'Nâng cao chất lượng sinh hoạt chi bộ hằng tháng.', start: 116, end: 164 }]);
  });

  it('answers an unaccented query on folded words', () => {
    expect(extractAnswer('sinh hoat chi bo', [source('Nâng cao chất lượng sinh hoạt chi bộ.')])).not.toBeNull();
  });

  // Regression: "công thức nấu phở bò Nam Định" was answered from a sentence about "bộ", "năm" and "định".
  it('judges an accented query on accent-exact words, so bò is not bộ and Nam is not năm', () => {
    const text = 'Công tác cán bộ năm nay được xác định rõ, phân công thực hiện nghiêm túc.';
    expect(extractAnswer('công thức nấu phở bò Nam Định', [source(text)])).toBeNull();
  });

  it('gives no answer when no sentence covers half the query', () => {
    expect(extractAnswer('giá vàng SJC hôm nay', [source('Chi bộ họp định kỳ hằng tháng.')])).toBeNull();
  });

  // Regression: "chi bộ tham mưu cho ủy ban nhân dân tỉnh" got no answer from "… tham mưu cho UBND tỉnh …".
  it('counts an abbreviation in the sentence as the words it stands for, both ways', () => {
    const text = 'Lãnh đạo thực hiện công tác đảng, gắn với nhiệm vụ chuyên môn là tham mưu cho UBND tỉnh chỉ đạo.';
    expect(extractAnswer('tham mưu cho ủy ban nhân dân tỉnh', [source(text)])?.sentences[0]?.text).toBe(text);
    const long = 'Ban Thường vụ tham mưu cho Ủy ban nhân dân tỉnh ban hành kế hoạch.';
    expect(extractAnswer('tham mưu cho UBND tỉnh', [source(long)])?.sentences[0]?.text).toBe(long);
    expect(extractAnswer('tham mưu cho ủy ban nhân dân tỉnh', [source('Chi bộ họp định kỳ hằng tháng.')])).toBeNull();
  });

  it('with word weights, leaves a sentence holding only the common words of a question unquoted', () => {
    const text = 'Người vi phạm trật tự ở nơi công cộng bị phạt bao nhiêu tiền tùy theo mức độ, từ 500.000 đồng.';
    const query = 'Nuôi chó không đeo rọ mõm ở nơi công cộng bị phạt bao nhiêu?';
    // 6 of its 11 content words are there (nơi công cộng, phạt bao nhiêu): quoted without weights.
    expect(extractAnswer(query, [source(text)])).not.toBeNull();
    // Weighted by rarity (accent-exact keys), the missing nuôi chó đeo rọ mõm carry most of the weight: 6 of 31.
    const rare = new Set(['nuôi', 'chos', 'đeo', 'roj', 'momx']);
    const weigh = (keys: string[]) => keys.map((k) => (rare.has(k) ? 5 : 1));
    expect(extractAnswer(query, [source(text)], { weigh, minWeightedCoverage: 0.6 })).toBeNull();
    // A sentence that holds the rare words is still quoted.
    const covered = 'Nuôi chó không đeo rọ mõm ở nơi công cộng bị phạt từ 1 đến 2 triệu đồng.';
    expect(extractAnswer(query, [source(covered)], { weigh, minWeightedCoverage: 0.6 })?.sentences[0]?.text).toBe(covered);
  });

  // From party-web-articles/4b81ec42de35…: a headline asking the question back, then the amounts under a lead-in.
  const fines =
    'Mức xử phạt vi phạm nồng độ cồn đối với ô tô, xe máy hiện nay là bao nhiêu?\nMức phạt vi phạm nồng độ cồn đối với xe máy:\n(1) Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng khi điều khiển xe trên đường mà trong máu hoặc hơi thở có nồng độ cồn nhưng chưa vượt quá 50 miligam/100 mililít máu.';

  it('does not quote a question back, and quotes a lead-in ending with a colon with the line it introduces', () => {
    const answer = extractAnswer('Mức xử phạt vi phạm nồng độ cồn đối với xe máy là bao nhiêu?', [source(fines, 100)]);
    expect(answer?.sentences).toHaveLength(1);
    const quoted = answer!.sentences[0]!;
    expect(quoted.text).toBe('Mức phạt vi phạm nồng độ cồn đối với xe máy:\n(1) Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng khi điều khiển xe trên đường mà trong máu hoặc hơi thở có nồng độ cồn nhưng chưa vượt quá 50 miligam/100 mililít máu.');
    expect(fines.slice(quoted.start - 100, quoted.end - 100)).toBe(quoted.text);
  });

  it('gives a "how much" question no answer from sentences without a number', () => {
    const heading = 'Lệ phí trước bạ xe máy, ô tô, tàu thuyền và tài sản khác';
    expect(extractAnswer('Lệ phí trước bạ ô tô điện năm 2026 là bao nhiêu?', [source(heading)])).toBeNull();
    expect(extractAnswer('Lệ phí trước bạ ô tô điện', [source(heading)])).not.toBeNull();
  });

  it("leaves a passage about another province than the question's unquoted, reading the document's title too", () => {
    const text = 'Mức trợ cấp ngày công lao động đối với lực lượng dân quân là 1,5 lần mức lương cơ sở.';
    const query = 'Mức trợ cấp ngày công của dân quân tỉnh Bình Dương';
    expect(extractAnswer(query, [{ ...source(text), title: 'Nghị quyết 08 của HĐND tỉnh Long An' }])).toBeNull();
    expect(extractAnswer(query, [{ ...source(text), title: 'Nghị quyết 08 của HĐND tỉnh Bình Dương' }])).not.toBeNull();
  });
});
