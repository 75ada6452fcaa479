/** One structured line per request: time, method, path, status, latency. Query strings stay out of the log. */
import type { RequestHandler } from 'express';

export type LogLine = (line: string) => void;

export function requestLog(log: LogLine): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(JSON.stringify({ time: new Date().toISOString(), method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 100) / 100 }));
    });
    next();
  };
}
