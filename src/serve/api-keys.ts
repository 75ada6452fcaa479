/** Write endpoints need `Authorization: Bearer <key>` with a key from API_KEYS; with no keys set they are off. */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { UserError } from '../core/errors.js';

function matches(given: string, keys: string[]): boolean {
  const a = Buffer.from(given);
  // Compare against every key in constant time per key, so timing says nothing about which prefix matched.
  return keys.reduce((hit, key) => {
    const b = Buffer.from(key);
    return (a.length === b.length && timingSafeEqual(a, b)) || hit;
  }, false);
}

export function requireApiKey(keys: string[]): RequestHandler {
  return (req, _res, next) => {
    if (keys.length === 0) throw new UserError('writes_disabled', 'writing is disabled: set API_KEYS to enable uploads and deletions');
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new UserError('unauthorized', 'this endpoint needs "Authorization: Bearer <API key>"');
    if (!matches(m[1]!, keys)) throw new UserError('unauthorized', 'the API key is not valid');
    next();
  };
}
