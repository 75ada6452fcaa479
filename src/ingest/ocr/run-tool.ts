/**
 * Runs an OCR tool (tesseract, pdftoppm, pdfinfo) as a child process with a time limit (SIGKILL when over) and a
 * memory limit (address space, through util-linux `prlimit` when present). OpenMP is held to one thread: pages run
 * in parallel instead. Errors: `ocr_unavailable` (the command is not installed), `ocr_timeout`, `ocr_failed`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { UserError } from '../../core/errors.js';

export interface ToolLimits {
  /** Longest one run may take, in milliseconds. */
  timeoutMs: number;
  /** Address space one run may map, in MiB. */
  memoryMb: number;
}

/** One page of tesseract at 300 dpi takes 2–10 s and about 200 MiB on a small server; these leave a wide margin. */
export const DEFAULT_TOOL_LIMITS: ToolLimits = { timeoutMs: 180_000, memoryMb: 2048 };

const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) ?? null;

/** The command's standard output; rejects with a UserError as above. */
export function runTool(command: string, args: string[], limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<Buffer> {
  const [file, argv] = PRLIMIT ? [PRLIMIT, [`--as=${limits.memoryMb * 1024 * 1024}`, '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-2000);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new UserError('ocr_unavailable', `${command} is not installed`) : new UserError('ocr_failed', `${command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new UserError('ocr_timeout', `${command} took over ${limits.timeoutMs / 1000} s on one page`));
      else if (code === 0) resolve(Buffer.concat(out));
      // prlimit exits 127 when it cannot run the command: missing, or too little memory to load its libraries.
      else if (code === 127 && !/shared librar/.test(err)) reject(new UserError('ocr_unavailable', `${command} is not installed`));
      else {
        const memory = /alloc|memory|shared librar|segment/i.test(err) || signal === 'SIGSEGV';
        reject(new UserError('ocr_failed', `${command} failed (${signal ?? `exit code ${code}`})${memory ? `: over its ${limits.memoryMb} MiB memory limit` : ''}: ${err.trim().split('\n').pop() ?? ''}`));
      }
    });
  });
}
