/**
 * The server's port, checked before the index is opened: a taken port is reported in a second, not after the corpus
 * has been ingested for minutes. The check listens and closes at once; the real listen reports the same way should
 * another process take the port in between.
 */
import { createServer } from 'node:net';

/** A listen error (EADDRINUSE, EACCES, EADDRNOTAVAIL) as one line saying what to do; other errors unchanged. */
export function listenError(err: unknown, port: number, host: string | undefined): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const where = `port ${port}${host ? ` on ${host}` : ''}`;
  if (code === 'EADDRINUSE') return new Error(`${where} is already in use (EADDRINUSE): stop the process listening there, or choose another PORT`);
  if (code === 'EACCES') return new Error(`${where} may not be opened by this user (EACCES; ports below 1024 need privileges): choose another PORT`);
  if (code === 'EADDRNOTAVAIL') return new Error(`HOST ${host} is not an address of this machine (EADDRNOTAVAIL): choose another HOST`);
  return err;
}

/**
 * Resolves when `port` on `host` (default: every interface, `::`) can be listened on now; rejects with the
 * `listenError` line otherwise. Port 0 (any free port) always can.
 */
export async function checkPortFree(port: number, host: string | undefined): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err) => reject(listenError(err, port, host)));
    probe.listen(port, host ?? '::', () => probe.close(() => resolve()));
  });
}
