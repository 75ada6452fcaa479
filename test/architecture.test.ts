import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of each source file, resolved to files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(/from '(\.[^']+)\.js'/g)].map((m) => resolve(dirname(file), `${m[1]}.ts`));
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

  it('keeps the core pure: no I/O and no imports from the outer layers', () => {
    for (const [file, deps] of graph) {
      if (!file.startsWith(join(SRC, 'core'))) continue;
      for (const dep of deps) expect(dep.startsWith(join(SRC, 'core')), `${file} imports ${dep}`).toBe(true);
      expect(readFileSync(file, 'utf8')).not.toMatch(/from 'node:(fs|path|net|http|child_process)/);
    }
  });
});
