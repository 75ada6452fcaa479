/**
 * Main text of an HTML page: page furniture (scripts, navigation, side bars, footers, forms) dropped, the content
 * block chosen by the amount of paragraph text it holds outside links, headings and paragraphs kept as lines.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { UserError } from '../core/errors.js';
import { checkHtmlDepth } from './html-depth.js';

const FURNITURE = 'script, style, noscript, template, iframe, svg, canvas, nav, aside, footer, form, button, select, input, textarea, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]';
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'dd', 'dt', 'br', 'hr']);
const POSITIVE = /article|content|detail|body|post|entry|main|noidung|chitiet|news-?content/i;
const NEGATIVE = /comment|sidebar|menu|footer|related|share|social|banner|advert|breadcrumb|widget|tag|rating|vote/i;

/** Text of the subtree with block elements on lines of their own. */
function blockText(root: AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push(node.data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag') return;
    const block = BLOCK.has(node.name);
    if (block) parts.push('\n');
    for (const child of node.children) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n\n');
}

function ownText($: cheerio.CheerioAPI, el: Element): number {
  const all = $(el).text().replace(/\s+/g, ' ').trim().length;
  const links = $(el).find('a').text().replace(/\s+/g, ' ').trim().length;
  return Math.max(0, all - links);
}

/** The element holding most paragraph text, credited to its parent and, half, to its grandparent. */
function contentRoot($: cheerio.CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  $('p, div, td, section, article').each((_, el) => {
    // Count only elements that carry text themselves, not containers of other blocks.
    const direct = $(el).contents().filter((_, c) => c.type === 'text' || (c.type === 'tag' && !BLOCK.has(c.name))).text().trim();
    if (direct.length < 25) return;
    const len = ownText($, el);
    const parent = el.parent && el.parent.type === 'tag' ? el.parent : null;
    const grand = parent?.parent && parent.parent.type === 'tag' ? parent.parent : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + len);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    const label = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    const score = raw * (POSITIVE.test(label) ? 1.25 : 1) * (NEGATIVE.test(label) ? 0.3 : 1);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Main text of a page. Throws UserError `too_deep` (see html-depth.ts) or `no_content`. */
export function readHtml(html: string): string {
  checkHtmlDepth(html);
  const $ = cheerio.load(html);
  $(FURNITURE).remove();
  const heading = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const title = heading || $('title').first().text().replace(/\s+/g, ' ').trim();
  const root = contentRoot($) ?? $('body').get(0) ?? null;
  const body = root ? blockText(root) : '';
  if (body.replace(/\s/g, '').length < 20) throw new UserError('no_content', 'the HTML page has no readable main content');
  // News pages print the date beside the title, outside the content block: keep it as a front-matter line.
  const stamp = $('time, [class*=date], [class*=time]').first().text().replace(/\s+/g, ' ').trim();
  const head = [title, stamp && !body.includes(stamp) && stamp.length < 80 ? stamp : ''].filter((l) => l && !body.startsWith(l));
  return [...head, body].join('\n\n');
}
