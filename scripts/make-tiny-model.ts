/**
 * `npm run model:tiny [-- DIR]`: writes the generated test model (default: .tmp/models) so the service can be tried
 * in hybrid mode without the real model. It is a test fixture with no real semantics: never use it for real search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TINY_MODEL_ID, writeTinyModel } from '../test/support/tiny-model.js';

const root = resolve(process.argv[2] ?? '.tmp/models');
const corpus = readdirSync('corpus').map((f) => readFileSync(join('corpus', f), 'utf8'));
const dir = writeTinyModel(root, corpus);
process.stderr.write(
  `test model written to ${dir}\nuse it with: MODEL_DIR=${root} MODEL_ID=${TINY_MODEL_ID} MODEL_DTYPE=fp32 INDEX_DIR=indexes/tiny npm start\n`,
);
