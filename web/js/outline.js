/** The section outline of a document, built from its passages' section paths (`1. … › 1.2. …`). */

/** @typedef {{ title: string, start: number, children: OutlineNode[] }} OutlineNode */

/** How far before a section's first passage its heading line is looked for. */
const HEADING_REACH = 600;

/**
 * Where a section begins: its heading line when that is found just before its first passage, else that passage.
 * Section titles may be cut short with `…`, so the heading is found by its beginning.
 * @param {string} text
 * @param {string} title
 * @param {number} passageStart
 */
function headingStart(text, title, passageStart) {
  const prefix = title.replace(/…$/u, '');
  const at = text.lastIndexOf(prefix, passageStart);
  return at !== -1 && passageStart - at <= HEADING_REACH ? at : passageStart;
}

/**
 * The section tree, each section at the first passage in it, in document order.
 * @param {string} text the document's stored text
 * @param {ReadonlyArray<{ section: string | null, start: number }>} passages in document order
 * @returns {OutlineNode[]}
 */
export function buildOutline(text, passages) {
  /** @type {OutlineNode[]} */
  const roots = [];
  /** @type {Map<string, OutlineNode>} */
  const byPath = new Map();
  for (const passage of passages) {
    if (!passage.section) continue;
    const parts = passage.section.split(' › ');
    let siblings = roots;
    parts.forEach((title, i) => {
      const path = parts.slice(0, i + 1).join(' › ');
      let node = byPath.get(path);
      if (!node) {
        node = { title, start: headingStart(text, title, passage.start), children: [] };
        byPath.set(path, node);
        siblings.push(node);
      }
      siblings = node.children;
    });
  }
  return roots;
}
