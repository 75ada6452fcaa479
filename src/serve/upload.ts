/**
 * POST /api/documents: multipart upload (field `file`, one or more). Every file is read and checked before the
 * request is answered: one bad file refuses the whole request with a 4xx and nothing changes; good ones are queued
 * as a job (202) whose progress GET /api/jobs/:id reports.
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { ERROR_STATUS, UserError } from '../core/errors.js';
import { prepareFile } from '../ingest/ingest-files.js';
import { MAX_FILE_BYTES } from '../ingest/read-document.js';
import { HttpError } from './http-error.js';
import type { IngestJobs, Upload } from './ingest-jobs.js';

export const MAX_FILES_PER_UPLOAD = 20;

/** A bare file name: no folders, no `..`, no control characters. */
export function safeFileName(name: string): string {
  const clean = name.normalize('NFC');
  if (clean === '' || clean.length > 255 || /[/\\\u0000-\u001f]/.test(clean) || clean === '.' || clean.includes('..') || /^[a-z]:/i.test(clean)) {
    throw new HttpError(400, 'invalid_filename', `the file name "${name}" is not a plain file name`);
  }
  return clean;
}

const receive = multer({
  storage: multer.memoryStorage(),
  // File names are UTF-8 (Vietnamese); keep any path the client sent so that it can be refused, not silently cut.
  defParamCharset: 'utf8',
  preservePath: true,
  limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES_PER_UPLOAD, fields: 10, parts: MAX_FILES_PER_UPLOAD + 10 },
}).array('file', MAX_FILES_PER_UPLOAD);

/** Multer's own errors, as the API's. */
const receiveFiles: RequestHandler = (req, res, next) => {
  receive(req, res, (err: unknown) => {
    if (!err) return next();
    if (err instanceof multer.MulterError) {
      const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
      const message = err.code === 'LIMIT_FILE_SIZE' ? `a file is over ${MAX_FILE_BYTES / 1048576} MB` : `${err.message}${err.field ? ` (${err.field})` : ''}`;
      return next(new HttpError(status, err.code.toLowerCase(), message));
    }
    next(new HttpError(400, 'bad_upload', `the upload could not be read: ${(err as Error).message}`));
  });
};

/**
 * The upload's handlers: receiving, then checking every file and queueing the job. `ready`, when given, is awaited
 * after the files are checked and before the job is queued (the engine app asks there whether its engine answers).
 */
export function uploadHandlers(jobs: IngestJobs, ready?: () => Promise<void>): RequestHandler[] {
  const accept: RequestHandler = async (req, res) => {
    if (!req.is('multipart/form-data')) throw new HttpError(415, 'not_multipart', 'send the files as multipart/form-data in the field "file"');
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) throw new HttpError(400, 'no_files', 'no file in the field "file"');
    const uploads: Upload[] = [];
    const names = new Set<string>();
    for (const f of files) {
      const name = safeFileName(f.originalname);
      if (names.has(name)) throw new HttpError(400, 'duplicate_filename', `"${name}" is uploaded twice`);
      names.add(name);
      try {
        uploads.push({ name, prepared: await prepareFile(f.buffer, name) });
      } catch (err) {
        if (err instanceof UserError) throw new HttpError(ERROR_STATUS[err.code], err.code, `${name}: ${err.message}`);
        throw err;
      }
    }
    await ready?.();
    const job = jobs.submit(uploads);
    res.status(202).location(`/api/jobs/${job.id}`).json({ job });
  };
  return [receiveFiles, accept];
}
