/** The web page, another client of the API: the files of `web/` at `/`, and the document page at /documents/:id. */
import express, { type Response, type Router } from 'express';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

/** Scripts and styles come from this server only, so stored document text can never run as code in the page. */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

const secure = (res: Response) => res.set(SECURITY_HEADERS);

export function webPages(): Router {
  const router = express.Router();
  router.get('/documents/:id', (_req, res) => {
    secure(res).sendFile('document.html', { root: WEB_DIR });
  });
  router.use(express.static(WEB_DIR, { setHeaders: secure }));
  return router;
}
