import { describe, expect, it } from 'vitest';
import { canAnswer, expectedAnswerType, isQuestionSentence } from '../../src/core/answer-type.js';

// Questions and sentences from test/eval/party-queries.jsonl, near-miss-queries.jsonl and the web extracts they cite.
describe('expectedAnswerType', () => {
  it('reads "how much" and "when" questions, with and without diacritics', () => {
    expect(expectedAnswerType('Mức xử phạt vi phạm nồng độ cồn đối với ô tô, xe máy là bao nhiêu?')).toBe('quantity');
    expect(expectedAnswerType('Nghị quyết 72 có mấy nhiệm vụ, giải pháp đột phá?')).toBe('quantity');
    expect(expectedAnswerType('Den nam 2045 kinh te so chiem toi thieu bao nhieu phan tram GDP?')).toBe('quantity');
    expect(expectedAnswerType('Luật Viên chức sửa đổi có hiệu lực từ khi nào?')).toBe('time');
    expect(expectedAnswerType('Luat Vien chuc sua doi co hieu luc tu khi nao?')).toBe('time');
    expect(expectedAnswerType('Nghị quyết 71/NQ-CP được Chính phủ ban hành ngày nào?')).toBe('time');
  });

  it('asks for nothing in topics and "what/how" questions, and does not take `xe máy` for `mấy`', () => {
    expect(expectedAnswerType('chuyển đổi số trong cơ quan Đảng')).toBeNull();
    expect(expectedAnswerType('Đổi giấy phép lái xe qua VNeID như thế nào?')).toBeNull();
    expect(expectedAnswerType('xu phat xe may vi pham nong do con')).toBeNull();
    expect(expectedAnswerType('Nghị quyết 57 nói gì về máy móc?')).toBeNull();
  });
});

describe('canAnswer', () => {
  it('wants a digit or a number word for a quantity, a digit for a time', () => {
    expect(canAnswer('(1) Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng khi điều khiển xe trên đường', 'quantity')).toBe(true);
    expect(canAnswer('Đề ra ba nhiệm vụ, giải pháp đột phá', 'quantity')).toBe(true);
    expect(canAnswer('Lệ phí trước bạ xe máy, ô tô, tàu thuyền và tài sản khác', 'quantity')).toBe(false);
    expect(canAnswer('Luật có hiệu lực thi hành từ ngày 01/7/2025.', 'time')).toBe(true);
    expect(canAnswer('Luật có hiệu lực kể từ ngày ký ban hành.', 'time')).toBe(false);
    expect(canAnswer('Luật có hiệu lực kể từ ngày ký ban hành.', null)).toBe(true);
  });
});

describe('isQuestionSentence', () => {
  it('knows a headline asking the question back, with quotes or a citation marker after it', () => {
    expect(isQuestionSentence('Mức xử phạt vi phạm nồng độ cồn đối với ô tô, xe máy hiện nay là bao nhiêu?')).toBe(true);
    expect(isQuestionSentence('NÓNG: Nghị định 73 thưởng Tết 2026 bao nhiêu phần trăm so với tổng quỹ tiền lương? [1]')).toBe(true);
    expect(isQuestionSentence('Vì sao phải “tinh - gọn - mạnh?” ')).toBe(true);
    expect(isQuestionSentence('Mức phạt vi phạm nồng độ cồn đối với xe máy:')).toBe(false);
    expect(isQuestionSentence('Câu hỏi “vì sao?” được đặt ra từ sớm.')).toBe(false);
  });
});
