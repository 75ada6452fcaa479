/** A progress bar with rate and ETA on stderr when it is a terminal; silent otherwise, so logs stay clean. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

export function createProgress(title: string): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${title} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {label}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const t0 = performance.now();
  return {
    update(done, total, label = '') {
      if (!started) {
        bar.start(total, done, { rate: '0', label });
        started = true;
      }
      const rate = (done / Math.max(0.001, (performance.now() - t0) / 1000)).toFixed(1);
      bar.setTotal(total);
      bar.update(done, { rate, label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
