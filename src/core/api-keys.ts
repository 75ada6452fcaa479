/** API_KEYS as configured: the keys write endpoints accept (src/serve/api-keys.ts checks requests against them). */

/**
 * The keys of API_KEYS (comma-separated, spaces around each trimmed). A key holding a space or another character a
 * `Bearer` header cannot carry could never match: it is refused, naming its position (never the key itself).
 */
export function parseApiKeys(raw: string | undefined): string[] {
  const keys = (raw ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  for (const [i, key] of keys.entries()) {
    if (/[^\x21-\x7e]/.test(key)) {
      const what = /\s/.test(key) ? 'a space' : 'a character outside printable ASCII';
      throw new Error(
        `API_KEYS: key ${i + 1} of ${keys.length} holds ${what}, so no "Authorization: Bearer <key>" header can ever match it; keys are separated by commas and use printable ASCII without spaces`,
      );
    }
  }
  return keys;
}
