/** Opens the configured index with the installed model (or none), telling the operator which mode it runs in. */
import { openEmbedder } from '../embed/open-embedder.js';
import { prepareIndexFolder } from '../store/index-folder.js';
import { openIndex, requireIndex, type IndexHandle } from '../store/open-index.js';
import { createProgress } from './progress.js';

export const log = (line: string): void => void process.stderr.write(`${line}\n`);

export async function openConfiguredIndex(
  indexDir: string,
  options: { replaceOtherModels?: boolean; lexicalThreads?: number; access?: 'read' | 'write'; writer?: string; passagesOnThread?: boolean } = {},
): Promise<IndexHandle> {
  // A reader names a missing index before loading the model (seconds) and never creates the folder.
  if (options.access === 'read') requireIndex(indexDir);
  // A writer refuses a folder of other files (a document folder named by mistake) or one it cannot write, at once.
  else prepareIndexFolder(indexDir);
  const { embedder, message } = await openEmbedder(undefined, undefined, undefined, { passagesOnThread: options.passagesOnThread });
  log(message);
  const progress = createProgress('lexical index');
  try {
    return openIndex(indexDir, {
      embedder,
      replaceOtherModels: options.replaceOtherModels ?? false,
      log,
      onIndexProgress: (done, total) => progress.update(done, total),
      lexicalThreads: options.lexicalThreads ?? 0,
      access: options.access ?? 'write',
      writer: options.writer,
    });
  } finally {
    progress.stop();
  }
}

/**
 * Runs a command's main function, printing a user error as one line and exiting non-zero. A failure exits at once:
 * nothing it left behind (search threads, timers, a half-started server) may keep a failed process alive, or a
 * supervisor would never see it fail and restart it.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      process.exitCode = 1;
      process.stderr.write(`error: ${(err as Error).message}\n`, () => process.exit(1));
    },
  );
}
