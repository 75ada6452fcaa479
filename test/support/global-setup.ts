/** Writes the tiny test model once per run and hands its folder to the tests. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeTinyModel } from './tiny-model.js';

declare module 'vitest' {
  export interface ProvidedContext {
    modelRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'vn-docsearch-model-'));
  const corpus = readdirSync('corpus').map((f) => readFileSync(join('corpus', f), 'utf8'));
  writeTinyModel(root, corpus);
  project.provide('modelRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
