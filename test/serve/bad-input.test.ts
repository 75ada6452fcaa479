/**
 * Bad input of every kind gets a 4xx with `{ error: { code, message } }` and leaves the index byte-for-byte as it
 * was. Each case is one request against a real server over an index of the bundled corpus.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { SHARED_DIR } from '../support/fixtures.js';
import { bearer, call, startServer, upload, type TestServer } from '../support/http.js';

const KEY = 'bad-input-key';
const auth = bearer(KEY);
const decree = (name: string) => readFileSync(join(SHARED_DIR, 'corpus', 'decrees', name));
const GOOD = 'Chi bộ tổ chức sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.';

interface Case {
  name: string;
  path: string;
  init?: RequestInit;
  status: number;
  code?: string;
}

const post = (files: { name: string; bytes: Uint8Array | string }[], headers: Record<string, string> = auth, field = 'file'): RequestInit => ({
  method: 'POST',
  headers,
  body: upload(files, field),
});
const one = (name: string, bytes: Uint8Array | string, status: number, code: string): Case => ({
  name,
  path: '/api/documents',
  init: post([{ name: name.replace(/\W+/g, '-').slice(0, 40) + '.txt', bytes }]),
  status,
  code,
});
const bytes = (...b: number[]) => Uint8Array.from(b);
const BLANK_PDF = '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';

const CASES: Case[] = [
  // Files whose content cannot be a document.
  one('empty file', '', 422, 'empty_file'),
  one('only white space', ' \n\t\n  ', 422, 'empty_document'),
  one('only punctuation', '.... ---- !!!', 422, 'empty_document'),
  one('binary with NUL bytes', bytes(1, 2, 0, 0, 5, 6, 7, 8), 415, 'binary_file'),
  // Page images go to OCR (installed by .ci/run), which cannot read a bare header.
  one('PNG header only', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 422, 'ocr_failed'),
  one('JPEG header only', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 422, 'ocr_failed'),
  one('GIF image', 'GIF89a\u0001\u0000', 415, 'unsupported_format'),
  one('gzip archive', bytes(0x1f, 0x8b, 8, 0, 0, 0), 415, 'unsupported_format'),
  one('executable', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), 415, 'unsupported_format'),
  one('truncated legacy Word file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), 422, 'unreadable_doc'),
  one('truncated DOCX decree', decree('ND100-2019.docx').subarray(0, 3000), 422, 'unreadable_docx'),
  one('ZIP header only', bytes(0x50, 0x4b, 0x03, 0x04), 415, 'unsupported_format'),
  one('random high bytes', Uint8Array.from({ length: 600 }, (_, i) => 0xa0 + ((i * 37) % 96)), 422, 'unknown_encoding'),
  one('Latin-1 German text', Buffer.from('Größere Übungen für Mädchen und Jungen würden über die Straße gehen', 'latin1'), 422, 'unknown_encoding'),
  one('UTF-16 BOM and nothing', bytes(0xff, 0xfe), 422, 'empty_document'),
  // A page with neither text nor image: OCR finds nothing either (the scanned decree itself is read in test/ingest/scanned-decree.test.ts).
  one('PDF page with no text layer and nothing to recognise', BLANK_PDF, 422, 'no_text_layer'),
  one('PDF header only', '%PDF-1.7\n', 422, 'broken_pdf'),
  one('PDF with garbage body', `%PDF-1.4\n${'x'.repeat(500)}\n%%EOF`, 422, 'broken_pdf'),
  one('truncated PDF', decree('nd-123_2021-12-28-1-.signed.pdf').subarray(0, 5000), 422, 'broken_pdf'),
  one('PDF with an empty catalog', '%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF', 422, 'broken_pdf'),
  one('HTML with only navigation', '<!DOCTYPE html><html><body><nav><a href="/">Trang chủ</a><a href="/tin">Tin tức</a></nav></body></html>', 422, 'no_content'),
  one('HTML with only scripts and styles', '<html><head><style>p{}</style></head><body><script>var a=1;</script></body></html>', 422, 'no_content'),
  one('HTML with an empty body', '<html><body></body></html>', 422, 'no_content'),
  one('HTML with only a form', '<html><body><form><input name="q"><button>Tìm kiếm</button></form></body></html>', 422, 'no_content'),
  one('HTML comment only', '<!-- trang trống --><html></html>', 422, 'no_content'),
  { name: 'file over the size limit', path: '/api/documents', init: post([{ name: 'big.txt', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }]), status: 413, code: 'too_large' },
  // Names that try to leave the upload folder or are not names at all.
  { name: 'parent folder in the name', path: '/api/documents', init: post([{ name: '../evil.txt', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'nested parent folders', path: '/api/documents', init: post([{ name: 'a/../../etc/passwd', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'absolute path', path: '/api/documents', init: post([{ name: '/etc/passwd', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'folder in the name', path: '/api/documents', init: post([{ name: 'thu-muc/van-ban.txt', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'Windows path', path: '/api/documents', init: post([{ name: 'C:\\van-ban.txt', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'backslash folders', path: '/api/documents', init: post([{ name: '..\\..\\van-ban.txt', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'dot-dot name', path: '/api/documents', init: post([{ name: '..', bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'name of 300 letters', path: '/api/documents', init: post([{ name: `${'đ'.repeat(300)}.txt`, bytes: GOOD }]), status: 400, code: 'invalid_filename' },
  { name: 'one bad file among good ones', path: '/api/documents', init: post([{ name: 'tot.txt', bytes: GOOD }, { name: 'rong.txt', bytes: '' }]), status: 422, code: 'empty_file' },
  { name: 'same name twice', path: '/api/documents', init: post([{ name: 'a.txt', bytes: GOOD }, { name: 'a.txt', bytes: GOOD }]), status: 400, code: 'duplicate_filename' },
  // Requests that are wrong as requests.
  { name: 'no file at all', path: '/api/documents', init: { method: 'POST', headers: auth, body: (() => { const f = new FormData(); f.append('note', 'x'); return f; })() }, status: 400, code: 'no_files' },
  { name: 'files in the wrong field', path: '/api/documents', init: post([{ name: 'a.txt', bytes: GOOD }], auth, 'upload'), status: 400, code: 'unexpected_field' },
  { name: 'too many files', path: '/api/documents', init: post(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.txt`, bytes: GOOD }))), status: 400, code: 'too_many_files' },
  { name: 'JSON instead of multipart', path: '/api/documents', init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"file":"x"}' }, status: 415, code: 'not_multipart' },
  { name: 'broken multipart body', path: '/api/documents', init: { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=zzz' }, body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated' }, status: 400, code: 'bad_upload' },
  // Authorization.
  { name: 'upload without a key', path: '/api/documents', init: post([{ name: 'a.txt', bytes: GOOD }], {}), status: 401, code: 'unauthorized' },
  { name: 'upload with a wrong key', path: '/api/documents', init: post([{ name: 'a.txt', bytes: GOOD }], bearer('wrong')), status: 401, code: 'unauthorized' },
  { name: 'upload with a Basic header', path: '/api/documents', init: post([{ name: 'a.txt', bytes: GOOD }], { authorization: 'Basic dTpw' }), status: 401, code: 'unauthorized' },
  { name: 'delete without a key', path: '/api/documents/anything', init: { method: 'DELETE' }, status: 401, code: 'unauthorized' },
  { name: 'delete an unknown document', path: '/api/documents/0000000000000000', init: { method: 'DELETE', headers: auth }, status: 404, code: 'document_not_found' },
  // Reads with bad parameters.
  { name: 'search without q', path: '/api/search', status: 400, code: 'missing_query' },
  { name: 'search with an empty q', path: '/api/search?q=', status: 400, code: 'missing_query' },
  { name: 'search with k=abc', path: '/api/search?q=x&k=abc', status: 400, code: 'invalid_k' },
  { name: 'search with k=-1', path: '/api/search?q=x&k=-1', status: 400, code: 'invalid_k' },
  { name: 'search with k=1e2', path: '/api/search?q=x&k=1e2', status: 400, code: 'invalid_k' },
  { name: 'search with k=101', path: '/api/search?q=x&k=101', status: 400, code: 'invalid_k' },
  { name: 'search with k twice', path: '/api/search?q=x&k=1&k=2', status: 400, code: 'invalid_parameter' },
  { name: 'search with q twice', path: '/api/search?q=a&q=b', status: 400, code: 'invalid_parameter' },
  { name: 'search with a bad mode', path: '/api/search?q=x&mode=semantic', status: 400, code: 'invalid_mode' },
  { name: 'search with a term that is no term', path: `/api/search?q=x&term=${encodeURIComponent('khóa mười')}`, status: 400, code: 'invalid_term' },
  { name: 'references of an unknown document', path: '/api/documents/nope/references', status: 404, code: 'document_not_found' },
  { name: 'cited-by of an unknown document', path: '/api/documents/nope/cited-by', status: 404, code: 'document_not_found' },
  { name: 'search over 2,000 characters', path: `/api/search?q=${encodeURIComponent('đảng '.repeat(401))}`, status: 400, code: 'query_too_long' },
  { name: 'request line over the limit', path: `/api/search?q=${'a'.repeat(40_000)}`, status: 414, code: 'uri_too_long' },
  { name: 'request line over the header limit', path: `/api/search?q=${'a'.repeat(70_000)}`, status: 431, code: 'headers_too_large' },
  { name: 'search with a malformed from date', path: '/api/search?q=x&from=13-11-2018', status: 400, code: 'invalid_date' },
  { name: 'search with an impossible to date', path: '/api/search?q=x&to=2018-13-45', status: 400, code: 'invalid_date' },
  { name: 'search with an over-long filter', path: `/api/search?q=x&author=${'a'.repeat(201)}`, status: 400, code: 'invalid_filter' },
  { name: 'unknown document', path: '/api/documents/does-not-exist', status: 404, code: 'document_not_found' },
  { name: 'search filtered to an unknown document', path: '/api/search?q=x&document=does-not-exist', status: 404, code: 'document_not_found' },
  { name: 'unknown job', path: '/api/jobs/does-not-exist', status: 404, code: 'job_not_found' },
  { name: 'unknown endpoint', path: '/api/nothing', status: 404, code: 'not_found' },
  { name: 'POST to search', path: '/api/search?q=x', init: { method: 'POST' }, status: 404, code: 'not_found' },
  { name: 'directory listing', path: '/api/', status: 404, code: 'not_found' },
];

let index: CorpusIndex;
let server: TestServer;
/** Hash of every file of the index that holds data (SQLite's shared-memory file only holds locks). */
const fingerprint = () =>
  Object.fromEntries(
    readdirSync(index.dir)
      .filter((f) => !f.endsWith('-shm'))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(index.dir, f))).digest('hex')]),
  );
let before: Record<string, string>;

beforeAll(async () => {
  index = await buildCorpusIndex();
  index.handle.save();
  server = await startServer(index.handle, { apiKeys: [KEY] });
  before = fingerprint();
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

describe(`${CASES.length} kinds of bad input`, () => {
  it('has at least 50 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(50));

  for (const c of CASES) {
    it(`${c.name}: ${c.status}${c.code ? ` ${c.code}` : ''}, index unchanged`, async () => {
      const r = await call(server.base, c.path, c.init);
      expect(r.status).toBe(c.status);
      expect(r.body).toEqual({ error: { code: c.code, message: expect.any(String) } });
      await server.jobs.idle();
      expect(fingerprint()).toEqual(before);
    });
  }
});
