/**
 * POST /api/documents: multipart upload (field `file`, one or more). Every file is read and checked before the
 * request is answered: one bad file refuses the whole request with a 4xx and nothing changes; good ones are queued
 * as a job (202) whose progress GET /api/jobs/:id reports.
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { type ErrorCode, UserError } from '../core/errors.js';
import { prepareFile } from '../ingest/ingest-files.js';
import { MAX_FILE_BYTES } from '../ingest/read-document.js';
import type { IngestJobs, Upload } from './ingest-jobs.js';

export const MAX_FILES_PER_UPLOAD = 20;

/** A bare file name: no folders, no `..`, no control characters. */
export function safeFileName(name: string): string {
  const clean = name.normalize('NFC');
  if (clean === '' || clean.length > 255 || /[/\\\u0000-\u001f]/.test(clean) || clean === '.' || clean.includes('..') || /^[a-z]:/i.test(clean)) {
    throw new UserError('invalid_filename', `the file name "${name}" is not a plain file name`);
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

/** Multer's error codes as the table's (src/core/errors.ts). */
const MULTER_CODES: Record<multer.ErrorCode, ErrorCode> = {
  LIMIT_FILE_SIZE: 'too_large',
  LIMIT_PART_COUNT: 'too_many_files',
  LIMIT_FILE_COUNT: 'too_many_files',
  LIMIT_FIELD_COUNT: 'bad_upload',
  LIMIT_FIELD_KEY: 'bad_upload',
  LIMIT_FIELD_VALUE: 'bad_upload',
  LIMIT_UNEXPECTED_FILE: 'unexpected_field',
  MISSING_FIELD_NAME: 'bad_upload',
};

function multerMessage(err: multer.MulterError): string {
  if (err.code === 'LIMIT_FILE_SIZE') return `a file is over ${MAX_FILE_BYTES / 1048576} MB`;
  if (err.code === 'LIMIT_FILE_COUNT') return `at most ${MAX_FILES_PER_UPLOAD} files per upload`;
  return `${err.message}${err.field ? ` (${err.field})` : ''}`;
}

/** Multer's own errors, as the API's. */
const receiveFiles: RequestHandler = (req, res, next) => {
  receive(req, res, (err: unknown) => {
    if (!err) return next();
    if (err instanceof multer.MulterError) return next(new UserError(MULTER_CODES[err.code], multerMessage(err)));
    next(new UserError('bad_upload', `the upload could not be read: ${(err as Error).message}`));
  });
};

/**
 * The upload's handlers: receiving, then checking every file and queueing the job. `ready`, when given, is awaited
 * after the files are checked and before the job is queued (the app asks there whether its engine answers).
 */
export function uploadHandlers(jobs: IngestJobs, ready?: () => Promise<void>): RequestHandler[] {
  const accept: RequestHandler = async (req, res) => {
    if (!req.is('multipart/form-data')) throw new UserError('not_multipart', 'send the files as multipart/form-data in the field "file"');
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) throw new UserError('no_files', 'no file in the field "file"');
    const uploads: Upload[] = [];
    const names = new Set<string>();
    for (const f of files) {
      const name = safeFileName(f.originalname);
      if (names.has(name)) throw new UserError('duplicate_filename', `"${name}" is uploaded twice`);
      names.add(name);
      try {
        uploads.push({ name, prepared: await prepareFile(f.buffer, name) });
      } catch (err) {
        if (err instanceof UserError) throw new UserError(err.code, `${name}: ${err.message}`);
        throw err;
      }
    }
    await ready?.();
    const job = jobs.submit(uploads);
    res.status(202).location(`/api/jobs/${job.id}`).json({ job });
  };
  return [receiveFiles, accept];
}
