import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ERRORS, isErrorCode, UserError } from '../../src/core/errors.js';
import { OPENAPI } from '../../src/serve/openapi.js';

describe('the closed table of error codes', () => {
  it('gives every code an HTTP error status and a message', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message.length, code).toBeGreaterThan(5);
      expect(ERROR_STATUS[code as keyof typeof ERRORS]).toBe(entry.status);
    }
  });

  it('lets a UserError default to the table message and answer with its status', () => {
    const err = new UserError('disk_full');
    expect(err.message).toBe(ERRORS.disk_full.message);
    expect(err.status).toBe(507);
    expect(new UserError('no_index', 'no index in /tmp/x').message).toBe('no index in /tmp/x');
  });

  it('tells codes of the table from other strings', () => {
    expect(isErrorCode('too_large')).toBe(true);
    expect(isErrorCode('limit_file_size')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('is the enum of error codes in the OpenAPI description', () => {
    const schema = (OPENAPI as { components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } } }).components.schemas.Error;
    expect(schema.properties.error.properties.code.enum).toEqual(Object.keys(ERRORS));
  });
});
