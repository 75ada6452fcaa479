/**
 * Nesting depth of an HTML page, measured by one linear scan of its tags before any parser builds a tree: the HTML
 * tree builder and the content scorer are quadratic in depth (a page nested 100,000 levels took minutes), while
 * real pages nest a few dozen levels.
 */
import { UserError } from '../core/errors.js';

/** Deepest nesting taken; real pages stay under 100, sloppy ones with unclosed inline tags well under this. */
export const MAX_HTML_DEPTH = 2_000;

/** Elements that never hold children (HTML Living Standard, "void elements"). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements whose end tag may be left out (closed by a sibling): counted as never nesting, so they cannot pile up. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body']);
/** Elements whose content is text, not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;

/**
 * Deepest element nesting of `html`: an end tag closes up to its matching open element (as a browser does), an end
 * tag without one is ignored. Throws UserError `too_deep` as soon as the depth passes `max`.
 */
export function checkHtmlDepth(html: string, max = MAX_HTML_DEPTH): number {
  const open: string[] = [];
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const [, closing, rawName, selfClosing] = m;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (selfClosing) continue;
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = TAG.lastIndex;
      TAG.lastIndex = end.exec(html)?.index ?? html.length;
      continue;
    }
    open.push(name);
    if (open.length > deepest) deepest = open.length;
    if (deepest > max) {
      throw new UserError('too_deep', `the HTML nests elements over ${max.toLocaleString('en')} levels deep; real pages nest a few dozen`);
    }
  }
  return deepest;
}
