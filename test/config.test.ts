/** src/config.ts: the environment's settings and the values it refuses. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { maxLexicalThreads, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('takes LEXICAL_THREADS up to twice the cores, at least 16', () => {
    expect(maxLexicalThreads()).toBe(Math.max(16, 2 * availableParallelism()));
    expect(readConfig({ LEXICAL_THREADS: '0' }).lexicalThreads).toBe(0);
    expect(readConfig({ LEXICAL_THREADS: String(maxLexicalThreads()) }).lexicalThreads).toBe(maxLexicalThreads());
  });

  it('refuses a LEXICAL_THREADS above the bound, saying the bound', () => {
    expect(() => readConfig({ LEXICAL_THREADS: '1000' })).toThrow(`LEXICAL_THREADS must be at most ${maxLexicalThreads()} (twice the ${availableParallelism()} cores, at least 16); got "1000"`);
    expect(() => readConfig({ LEXICAL_THREADS: '-1' })).toThrow(/LEXICAL_THREADS must be a whole number/);
  });

  // Review of session 7: `PORT=` (empty) listened on a random port (Number('') is 0), and the port check passed it.
  it('takes an empty PORT as unset, like the folder variables', () => {
    expect(readConfig({ PORT: '' }).port).toBe(3000);
    expect(readConfig({ PORT: '8080' }).port).toBe(8080);
  });
});
