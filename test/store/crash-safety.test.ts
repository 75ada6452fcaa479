/**
 * Kills the ingest command with SIGKILL at random moments while it works through a few hundred real documents,
 * restarts it each time, and proves after every kill: no half-indexed document, nothing lost that was reported
 * done, and an index whose store, lexical index and vector index agree once it is opened again.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../../src/search/search.js';
import { checkIndex } from '../../src/store/check-index.js';
import { openIndex } from '../../src/store/open-index.js';
import { loadTinyEmbedder, SHARED_DIR, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { prng } from '../support/random.js';

const DOCUMENTS = 400;
const KILLS = 20;

const work = tempDir('vn-docsearch-crash-');
afterAll(() => work.cleanup());

interface Kill {
  afterMs: number;
  /** Count from the first file reported done rather than from the start, so the kill lands mid-run on a slow machine. */
  fromFirstFile: boolean;
}

/** Runs the ingest command, killing it as `kill` says (or letting it finish); returns the files it reported done. */
function runIngest(docs: string, indexDir: string, kill: Kill | null): Promise<{ done: string[]; code: number | null; killed: boolean }> {
  return new Promise((finish) => {
    // One process (node with tsx's loader), so that SIGKILL hits the process doing the work.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest-command.ts', docs, '--index', indexDir, '--verbose'], {
      env: { ...process.env, ...tinyModelEnv() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), kill!.afterMs));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (kill?.fromFirstFile && /^(added|updated|linked): /m.test(stderr)) arm();
    });
    if (kill && !kill.fromFirstFile) arm();
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was not reported.
      const done = [...stderr.matchAll(/^(?:added|updated|linked): (.+)\n/gm)].map((m) => m[1]!);
      finish({ done, code, killed: signal === 'SIGKILL' });
    });
  });
}

describe('crash safety under SIGKILL', () => {
  it(`survives ${KILLS} kills while ingesting ${DOCUMENTS} documents`, { timeout: 600_000 }, async () => {
    const docs = join(work.dir, 'docs');
    const indexDir = join(work.dir, 'index');
    mkdirSync(docs);
    const source = join(SHARED_DIR, 'corpus', 'party-web-articles');
    for (const f of readdirSync(source).sort().slice(0, DOCUMENTS)) copyFileSync(join(source, f), join(docs, f));
    const embedder = await loadTinyEmbedder();
    const rand = prng(42);
    const reported = new Set<string>();
    let kills = 0;
    let midRunKills = 0;

    // Runs until KILLS kills have landed (a run may finish before its kill; it then simply counts as a restart).
    for (let i = 0; kills < KILLS && i < KILLS * 2; i++) {
      // Every other kill is at a random moment from the start (model loading, listing, the first writes), the
      // rest at a random moment after the first file was done.
      const fromFirstFile = i % 2 === 1;
      const run = await runIngest(docs, indexDir, { afterMs: Math.floor(rand() * (fromFirstFile ? 800 : 3000)), fromFirstFile });
      for (const d of run.done) reported.add(d);
      if (run.killed) kills++;
      if (run.killed && run.done.length > 0) midRunKills++;

      // Opening repairs what the kill left (a stale vector index is rebuilt from the store); then all must agree.
      const handle = openIndex(indexDir, { embedder });
      const sources = new Set(handle.store.listDocuments().flatMap((d) => d.sources.map((s) => resolve(s))));
      for (const path of reported) expect(sources.has(resolve(path)), `${path} was reported done`).toBe(true);
      for (const d of handle.store.listDocuments()) expect(d.passageCount).toBeGreaterThan(0);
      const counts = handle.store.counts();
      expect(counts.vectors).toBe(counts.passages);
      expect(handle.vectors!.count).toBe(counts.vectors);
      const hits = (await search(handle, 'nghị quyết', { k: 10 })).results;
      for (const h of hits) expect(handle.store.getDocument(h.document.id)!.text.slice(h.passage.start, h.passage.end)).toBe(h.passage.text);
      handle.close();
      expect(checkIndex(indexDir)).toMatchObject({ ok: true, problems: [] });
    }

    expect(kills).toBe(KILLS);
    expect(midRunKills).toBeGreaterThanOrEqual(KILLS / 2);
    const last = await runIngest(docs, indexDir, null);
    expect(last.code).toBe(0);
    const report = checkIndex(indexDir);
    expect(report.ok).toBe(true);
    // Every file is in: as its own document or as a second source of identical content.
    const handle = openIndex(indexDir, { embedder });
    expect(handle.store.listDocuments().reduce((n, d) => n + d.sources.length, 0)).toBe(DOCUMENTS);
    handle.close();
  });
});
