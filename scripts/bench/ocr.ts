/**
 * OCR throughput (`npm run bench -- --only ocr [--ocr-pages N] [--update-docs]`): the product's OCR of the scanned
 * Nghị định 100/2019/NĐ-CP (../shared/corpus/decrees/100_2.pdf, 76 bilevel pages) exactly as an ingest runs it —
 * `ocrPdfPages` (pdftoppm at 300 dpi and tesseract `vie`, as many pages at once as the machine has cores, each tool
 * one thread, the closing page's signature region read again) and then the repair of the pages. All 76 pages by
 * default; `--ocr-pages N` takes pages 1 to N (a trial run).
 *
 * Measured: wall time and pages per minute; CPU time of the tool processes (user + system of the reaped children,
 * from /proc/self/stat, Linux) and of this process, per page; the peak resident memory of one tool process
 * (VmHWM of every child, sampled every 50 ms) and of this process. The load average is printed beside the figures:
 * OCR keeps both cores busy, so other work on the machine lowers pages per minute but not CPU per page.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ocrPdfPages } from '../../src/ingest/ocr/ocr-pages.js';
import { ocrAvailable } from '../../src/ingest/ocr/tesseract.js';
import { repairPages } from '../../src/ingest/read-paged.js';
import { say } from './report.js';

export const SCAN = join('..', 'shared', 'corpus', 'decrees', '100_2.pdf');
/** Clock ticks per second of /proc times (USER_HZ: 100 on every Linux architecture Node runs on). */
const TICKS = 100;

/** CPU seconds (user + system) of this process's reaped children, from fields 16 and 17 of /proc/self/stat. */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After `pid (comm)`, field 3 (state) is fields[0]: cutime is field 16, cstime field 17.
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

/**
 * Samples the peak resident memory (VmHWM, KiB) of this process's child processes until stopped: the children are
 * listed by /proc/<pid>/task/<tid>/children of every thread (libuv spawns from the main thread), so the sampling
 * itself costs little.
 */
function samplePeakChildMemory(): { stop: () => number } {
  let peak = 0;
  let running = true;
  const children = async (): Promise<string[]> => {
    const tasks = await readdir(`/proc/${process.pid}/task`).catch(() => [] as string[]);
    const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${process.pid}/task/${t}/children`, 'utf8').catch(() => '')));
    return lists.join(' ').split(/\s+/).filter(Boolean);
  };
  const tick = async () => {
    while (running) {
      for (const pid of await children()) {
        const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        peak = Math.max(peak, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  void tick();
  return {
    stop: () => {
      running = false;
      return peak;
    },
  };
}

/** Runs the measurement and says the section (its heading included). */
export async function benchOcr(pageCount: number | null, note: string): Promise<void> {
  if (!(await ocrAvailable())) throw new Error('OCR is not installed: apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils');
  const bytes = readFileSync(SCAN);
  const total = 76;
  const count = Math.min(pageCount ?? total, total);
  const pages = Array.from({ length: count }, (_, i) => i + 1);
  const loadBefore = loadavg();
  const cpuChildren0 = childrenCpuSeconds();
  const self0 = process.cpuUsage();
  const memory = samplePeakChildMemory();
  const t0 = performance.now();
  const ocr = await ocrPdfPages(bytes, pages, (done, all) => done > 0 && process.stderr.write(`\r  OCR ${done}/${all} pages`));
  const ocrSeconds = (performance.now() - t0) / 1000;
  const toolPeakKiB = memory.stop();
  process.stderr.write('\n');
  const t1 = performance.now();
  repairPages(ocr);
  const repairSeconds = (performance.now() - t1) / 1000;
  const selfCpu = process.cpuUsage(self0);
  const toolCpu = childrenCpuSeconds() - cpuChildren0;
  const loadAfter = loadavg();
  const closing = pages.includes(total);

  say('## OCR throughput');
  say();
  say(note);
  say();
  say(
    `Scan: \`100_2.pdf\` (Nghị định 100/2019/NĐ-CP, CCITT bilevel pages at 260 dpi), ${count === total ? `all ${total} pages` : `pages 1–${count} of ${total}`}${closing ? ' (the closing page included: its signature region is read again at five resolutions)' : ''}. ` +
      `${availableParallelism()} pages at once on ${cpus().length} cores, each tool one thread. Load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after.`,
  );
  say();
  say('| measure | figure |');
  say('|---|---|');
  say(`| wall time, OCR (render + recognise) | ${ocrSeconds.toFixed(1)} s for ${count} pages |`);
  say(`| **pages per minute** on ${cpus().length} cores | **${((count / ocrSeconds) * 60).toFixed(1)}** |`);
  say(`| CPU per page, tool processes (pdftoppm + tesseract, user + system) | ${(toolCpu / count).toFixed(2)} s (${toolCpu.toFixed(1)} s in all) |`);
  say(`| CPU per page, this process (spawning, TSV parsing, the memory sampling) | ${((selfCpu.user + selfCpu.system) / 1e6 / count).toFixed(3)} s |`);
  say(`| pages per minute the CPU time allows on ${cpus().length} free cores | ${((cpus().length * 60 * count) / (toolCpu + (selfCpu.user + selfCpu.system) / 1e6)).toFixed(1)} |`);
  say(`| peak resident memory, one tool process | ${(toolPeakKiB / 1024).toFixed(0)} MiB (sampled every 50 ms) |`);
  say(`| peak resident memory, this process | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB |`);
  say(`| repair of the pages (pure JavaScript, after OCR) | ${repairSeconds.toFixed(2)} s |`);
  say();
}
