import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/format-summary.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { listFiles } from '../../src/ingest/list-files.js';
import { openIndex } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';
import { docx, p } from '../support/zip.js';

const work = tempDir();
afterAll(() => work.cleanup());
const BODY = 'Chi bộ cần tạo không khí dân chủ, cởi mở để mỗi đảng viên mạnh dạn phát biểu ý kiến, đóng góp xây dựng nghị quyết.';

describe('listFiles', () => {
  const root = join(work.dir, 'docs');
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(join(root, 'sub'), { recursive: true });
  const files: Record<string, string | Buffer> = {
    'a.txt': `Dân chủ trong chi bộ\n\n${BODY}`,
    'b.md': `# Dân chủ\n\n${BODY}`,
    'c.docx': docx(p('Dân chủ') + p(BODY)),
    'sub/README.md': '# Thư mục mẫu',
    'LICENSE': 'MIT',
    'LICENCE.txt': 'MIT',
    'README': 'đọc tôi',
    '.DS_Store': 'x',
    '.git/config': '[core]',
    'sub/readme-first.txt': 'đọc tôi trước',
    'sub/d.txt': `Tiêu đề\n\n${BODY} Thêm một câu.`,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);

  it('leaves hidden, README and LICENSE entries out of a walked folder and lists them as skipped', async () => {
    const listing = await listFiles([root]);
    expect(listing.files.map((f) => f.slice(root.length + 1))).toEqual(['a.txt', 'b.md', 'c.docx', 'sub/d.txt']);
    expect(listing.skipped.map((f) => f.path.slice(root.length + 1))).toEqual(
      ['.DS_Store', '.git', 'LICENCE.txt', 'LICENSE', 'README', 'sub/README.md', 'sub/readme-first.txt'].sort(),
    );
    expect(listing.skipped.find((f) => f.path.endsWith('.git'))?.reason).toBe('hidden entry');
    expect(listing.skipped.find((f) => f.path.endsWith('LICENCE.txt'))?.reason).toBe('LICENSE file, not a document');
  });

  it('lists a README named explicitly', async () => {
    expect((await listFiles([join(root, 'README')])).files).toEqual([join(root, 'README')]);
  });

  it('ingests .md and .docx files and shows the skipped entries in the summary', async () => {
    const handle = openIndex(join(work.dir, 'index'), { embedder: null });
    try {
      const summary = await ingestPaths(handle, [root]);
      expect(summary.failed).toEqual([]);
      expect(summary.added + summary.linked).toBe(4);
      expect(summary.skipped).toHaveLength(7);
      const text = formatSummary(summary);
      expect(text).toMatch(/skipped 7;/u);
      expect(text).toContain(join(root, 'LICENSE'));
    } finally {
      handle.close();
    }
  });
});
