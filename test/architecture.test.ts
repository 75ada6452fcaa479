import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of each source file (static, side-effect and dynamic), resolved to files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)\.js'/g)].map((m) => resolve(dirname(file), `${m[1]}.ts`));
    graph.set(file, deps);
  }
  return graph;
}

describe('architecture', () => {
  const graph = importGraph();

  it('has no circular imports', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => f.slice(SRC.length + 1)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  /** Imports from files of `from` into the folders of `forbidden`, as `file → dep` lines; `except` files are exempt. */
  const crossings = (from: string, forbidden: string[], except: string[] = []): string[] => {
    const out: string[] = [];
    for (const [file, deps] of graph) {
      const rel = file.slice(SRC.length + 1);
      if (!rel.startsWith(`${from}/`) || except.includes(rel)) continue;
      for (const dep of deps) {
        const target = dep.slice(SRC.length + 1);
        if (forbidden.some((folder) => target.startsWith(`${folder}/`))) out.push(`${rel} → ${target}`);
      }
    }
    return out;
  };

  it('the commands never import HTTP code, except the one that starts the server', () => {
    expect(crossings('cli', ['serve'], ['cli/serve-command.ts'])).toEqual([]);
  });

  it('the configuration does not import the server or the commands', () => {
    const config = join(SRC, 'config.ts');
    const deps = (graph.get(config) ?? []).map((d) => d.slice(SRC.length + 1));
    expect(deps.filter((d) => d.startsWith('serve/') || d.startsWith('cli/'))).toEqual([]);
  });

  it('ingest does not import the server or the commands', () => {
    expect(crossings('ingest', ['serve', 'cli'])).toEqual([]);
  });

  it('the store does not import search, the server or the commands', () => {
    expect(crossings('store', ['search', 'serve', 'cli'])).toEqual([]);
  });

  it('keeps the core pure: imports only core, and no I/O', () => {
    for (const [file, deps] of graph) {
      if (!file.startsWith(join(SRC, 'core'))) continue;
      for (const dep of deps) expect(dep.startsWith(join(SRC, 'core')), `${file} imports ${dep}`).toBe(true);
      expect(readFileSync(file, 'utf8')).not.toMatch(/from 'node:(fs|path|net|http|child_process)/);
    }
  });

  it('writes go through the index handle: outside the store nothing writes its store, lexical or vector parts', () => {
    const writes = /\.store\.(addDocument|deleteDocument|linkSource|deleteSource|putVectors|deleteVectorsNotOf)\(|\.(lexical|vectors)[!?]?\.(add|remove)\(/;
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.startsWith(join(SRC, 'store')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (writes.test(line) ? [`${file.slice(SRC.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('the store tables (src/store/tables/) are imported only by the store facade, src/store/document-store.ts', () => {
    const tables = join(SRC, 'store', 'tables');
    const importers = [...graph]
      .filter(([file, deps]) => !file.startsWith(`${tables}/`) && deps.some((d) => d.startsWith(`${tables}/`)))
      .map(([file]) => file.slice(SRC.length + 1));
    expect(importers).toEqual(['store/document-store.ts']);
  });

  it('search stages read the index; they are composed only by src/search/search.ts', () => {
    const importers = [...graph]
      .filter(([file, deps]) => !file.startsWith(join(SRC, 'search')) && deps.some((d) => d.startsWith(join(SRC, 'search', 'stages'))))
      .map(([file]) => file.slice(SRC.length + 1));
    expect(importers).toEqual([]);
  });
});
