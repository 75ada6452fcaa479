/** Real processes for operations tests: the CLI commands as node with tsx's loader, optionally on a small tmpfs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx src/cli/<script> …args` (one process: signals reach the one doing the work). */
export const nodeCommand = (script: string, args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', resolve('src', 'cli', script), ...args],
];

export const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;
/** The same command as one shell word list. */
export const shellCommand = (script: string, args: string[]): string => {
  const [cmd, argv] = nodeCommand(script, args);
  return [cmd, ...argv].map(quote).join(' ');
};

/** Runs a command to its end. */
export function run(cmd: string, argv: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export const runCli = (script: string, args: string[], env: Record<string, string> = {}): Promise<Run> => run(...nodeCommand(script, args), env);

/**
 * A shell script run in its own mount namespace (`unshare -rm`) where `mountpoint` is a tmpfs of `kib` KiB: a real
 * small disk, gone when the script ends.
 */
export function onTmpfs(mountpoint: string, kib: number, script: string, env: Record<string, string> = {}): Promise<Run> {
  return run('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=${kib}k tmpfs ${quote(mountpoint)} && ${script}`], env);
}

/** Fills the file system of `dir` with a file `fill`, then frees `freeKib` KiB of it (shell snippet). */
export const fillDisk = (dir: string, freeKib: number): string =>
  `(dd if=/dev/zero of=${quote(join(dir, 'fill'))} bs=4k 2>/dev/null || true) && truncate -s -${freeKib}K ${quote(join(dir, 'fill'))}`;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  /** Resolves with the exit code and signal when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a server command and waits for its "serving … on http://localhost:PORT" line (rejects if it exits first). */
export async function startServing(cmd: string, argv: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  child.stdout!.resume();
  const port = await new Promise<number>((ready, fail) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d;
      const m = /on http:\/\/localhost:(\d+)/.exec(stderr);
      if (m) ready(Number(m[1]));
    });
    void exited.then(({ code }) => fail(new Error(`exited ${code} before serving:\n${stderr}`)));
  });
  return { child, port, stderr: () => stderr, exited };
}
