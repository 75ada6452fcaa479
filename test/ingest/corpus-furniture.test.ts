import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';
import { furnitureIn } from '../support/furniture.js';

const CORPUS = join(SHARED_DIR, 'corpus');

/** Every file of the shared corpus (READMEs aside), folder by folder. */
function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((f) => join(CORPUS, d.name, f)))
    .filter((f) => !f.endsWith('README.md'))
    // The 76-page scan takes minutes of OCR: test/ingest/scanned-decree.test.ts reads it once, furniture included.
    .filter((f) => !f.endsWith('100_2.pdf'))
    .sort();
}

/** Files that cannot give text yet, and why: Word files have their own adapter. */
const NO_TEXT: [RegExp, string][] = [[/\.docx?$/, '.*']];

describe('no page furniture in any passage of the shared corpus', () => {
  it('runs every file through extractText and prepareDocument', { timeout: 120_000 }, async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(879);
    const hits: string[] = [];
    let documents = 0;
    let passages = 0;
    for (const file of files) {
      let doc: ReturnType<typeof prepareDocument>;
      try {
        const { format, text } = await extractText(readFileSync(file), file);
        doc = prepareDocument(text, format);
      } catch (err) {
        const expected = NO_TEXT.find(([re]) => re.test(file));
        // Only the known cases may fail, and only with a user-facing error; an empty web page is one too.
        expect(err, file).toBeInstanceOf(UserError);
        if (expected) expect((err as UserError).code).toMatch(new RegExp(expected[1]));
        else expect((err as UserError).code, file).toBe('empty_document');
        continue;
      }
      documents++;
      for (const p of doc.passages) {
        passages++;
        for (const h of [...furnitureIn(p.text), ...furnitureIn(p.section ?? '', true)]) hits.push(`${file.split('/').pop()}: [${h.kind}] ${h.line.slice(0, 100)}`);
      }
    }
    expect(documents).toBeGreaterThan(880);
    expect(passages).toBeGreaterThan(10_000);
    expect(hits).toEqual([]);
  });
});
