/**
 * Typed relations of a document as DOM (GET /api/documents/:id/relations): a small relation map (lược đồ) — this
 * document in the middle, related documents around it, each edge labelled by its type and pointing the way the relation
 * goes, indexed documents linked — then the same relations as a list with the sentence stating each, and the validity.
 */
import { el } from './dom.js';
import { documentName, formatDate } from './labels.js';
import { citedUrl, documentUrl } from './links.js';

/** @typedef {import('../../src/store/relation-graph.js').DocumentRelations} RelationsResponse */
/** @typedef {import('../../src/store/relation-graph.js').RelationEdge} RelationEdge */

const SVG = 'http://www.w3.org/2000/svg';
/** At most this many related documents are drawn; the list below names them all. */
const MAX_NODES = 12;
const WIDTH = 720;
/** Height for many related documents; one or two need less. */
const HEIGHT = 380;
const LOW_HEIGHT = 220;

/**
 * An SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
function svg(tag, attributes, ...children) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** What to call the other end of a relation. @param {RelationEdge['other']} other */
const otherName = (other) => other.number ?? (other.document ? documentName(other.document) : '?');

/** `thay thế (một phần, từ 14/04/2025)`. @param {RelationEdge} e */
const edgeLabel = (e) => {
  const qualifier = [e.partial ? 'một phần' : '', e.since ? `từ ${formatDate(e.since)}` : ''].filter(Boolean).join(', ');
  return qualifier ? `${e.label} (${qualifier})` : e.label;
};

/** Shortens a label to fit a node. @param {string} text @param {number} max */
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * @typedef {{ key: string, other: RelationEdge['other'], out: Set<string>, in: Set<string> }} MapNode
 */

/**
 * The related documents, one node each however many relations join them, in first-mention order.
 * @param {RelationsResponse} relations
 * @returns {MapNode[]}
 */
function mapNodes(relations) {
  /** @type {Map<string, MapNode>} */
  const nodes = new Map();
  /** @param {RelationEdge} e @param {'out' | 'in'} way */
  const add = (e, way) => {
    const key = e.other.document?.id ?? e.other.number ?? '?';
    if (e.other.document?.id === relations.documentId) return;
    const node = nodes.get(key) ?? { key, other: e.other, out: new Set(), in: new Set() };
    node[way].add(e.label);
    nodes.set(key, node);
  };
  for (const e of relations.outgoing) add(e, 'out');
  for (const e of relations.incoming) add(e, 'in');
  return [...nodes.values()];
}

/**
 * The relation map: a figure with an SVG drawing and a caption; null when the document has no relations.
 * @param {RelationsResponse} relations
 * @param {string} name what to call the document shown
 */
export function renderRelationMap(relations, name) {
  const nodes = mapNodes(relations);
  if (nodes.length === 0) return null;
  const shown = nodes.slice(0, MAX_NODES);
  const height = shown.length <= 2 ? LOW_HEIGHT : HEIGHT;
  const cx = WIDTH / 2;
  const cy = height / 2;
  const drawing = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'relation-map-caption', class: 'relation-map-drawing' });
  drawing.append(
    svg(
      'defs',
      {},
      svg('marker', { id: 'relation-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'relation-arrow' })),
    ),
  );
  const edges = svg('g', { class: 'relation-edges' });
  const labels = svg('g', { class: 'relation-labels' });
  const boxes = svg('g', { class: 'relation-nodes' });
  shown.forEach((node, i) => {
    // Around an ellipse, starting at the top, clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    const x = cx + (WIDTH / 2 - 95) * Math.cos(angle);
    const y = cy + (height / 2 - 35) * Math.sin(angle);
    // Lines stop short of both boxes so their arrowheads show.
    const [dx, dy] = [x - cx, y - cy];
    const length = Math.hypot(dx, dy) || 1;
    const from = { x: cx + (dx / length) * 70, y: cy + (dy / length) * 26 };
    const to = { x: x - (dx / length) * 70, y: y - (dy / length) * 24 };
    const outgoing = node.out.size > 0;
    const incoming = node.in.size > 0;
    const line = svg('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, class: `relation-edge${outgoing ? ' relation-out' : ''}${incoming ? ' relation-in' : ''}` });
    if (outgoing) line.setAttribute('marker-end', 'url(#relation-arrow)');
    if (incoming) line.setAttribute('marker-start', 'url(#relation-arrow)');
    edges.append(line);
    const label = [...new Set([...node.out, ...node.in])].join(', ');
    labels.append(svg('text', { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 - 4, 'text-anchor': 'middle', class: 'relation-label' }, label));
    const title = node.other.document ? documentName(node.other.document) : `${otherName(node.other)} (chưa có trong kho)`;
    const box = svg(
      'g',
      { class: `relation-node${node.other.document ? ' indexed' : ''}`, transform: `translate(${x} ${y})` },
      svg('title', {}, title),
      svg('rect', { x: -68, y: -18, width: 136, height: 36, rx: 8 }),
      svg('text', { 'text-anchor': 'middle', y: 5 }, clip(otherName(node.other), 20)),
    );
    boxes.append(node.other.document ? svg('a', { href: documentUrl(node.other.document.id), 'aria-label': title }, box) : box);
  });
  const center = svg(
    'g',
    { class: 'relation-node relation-center', transform: `translate(${cx} ${cy})` },
    svg('title', {}, name),
    svg('rect', { x: -72, y: -22, width: 144, height: 44, rx: 10 }),
    svg('text', { 'text-anchor': 'middle', y: 5 }, clip(relations.number ?? 'Văn bản này', 20)),
  );
  drawing.append(edges, boxes, center, labels);
  const hidden = nodes.length - shown.length;
  return el(
    'figure',
    { class: 'relation-map' },
    drawing,
    el(
      'figcaption',
      { id: 'relation-map-caption' },
      `Lược đồ quan hệ: ${relations.number ?? 'văn bản này'} ở giữa, ${nodes.length} văn bản liên quan xung quanh; mũi tên chỉ chiều quan hệ.`,
      hidden > 0 ? ` Lược đồ vẽ ${shown.length} văn bản đầu; danh sách dưới đây có đủ.` : '',
    ),
  );
}

/**
 * One relation as a list item: its type, the other document (linked when indexed) and the sentence stating it,
 * linked to its place in the text that states it.
 * @param {RelationEdge} e
 * @param {'out' | 'in'} way
 * @param {string} documentId the document shown
 */
function relationItem(e, way, documentId) {
  const other = e.other.document
    ? el('a', { href: documentUrl(e.other.document.id), class: 'relation-other' }, otherName(e.other))
    : el('span', { class: 'relation-other' }, otherName(e.other), el('span', { class: 'muted' }, ' (chưa có trong kho)'));
  const where = e.statedIn.id === documentId || e.statedIn.id === e.other.document?.id ? null : el('span', { class: 'muted' }, ` — theo ${e.statedIn.title ?? e.statedIn.id}`);
  return el(
    'li',
    { class: `relation relation-${e.type}`, 'data-type': e.type },
    el('span', { class: 'relation-type' }, way === 'out' ? `${edgeLabel(e)} → ` : `← ${edgeLabel(e)} bởi `),
    other,
    where,
    el('blockquote', { class: 'citing-sentence' }, el('a', { href: citedUrl(e.statedIn.id, e.sentence.start, e.sentence.end) }, e.sentence.text)),
  );
}

/**
 * Both lists of relations.
 * @param {RelationsResponse} relations
 */
export function renderRelationLists(relations) {
  /** @param {RelationEdge[]} edges @param {'out' | 'in'} way @param {string} heading @param {string} none */
  const list = (edges, way, heading, none) =>
    el(
      'section',
      { class: 'relation-list' },
      el('h3', {}, heading),
      edges.length === 0 ? el('p', { class: 'muted' }, none) : el('ul', { class: 'graph-list' }, ...edges.map((e) => relationItem(e, way, relations.documentId))),
    );
  return [
    list(relations.outgoing, 'out', 'Văn bản này đối với văn bản khác', 'Văn bản này không nêu quan hệ căn cứ, hướng dẫn, sửa đổi, thay thế, bãi bỏ hay thực hiện nào.'),
    list(relations.incoming, 'in', 'Văn bản khác đối với văn bản này', 'Chưa có văn bản nào trong kho nêu quan hệ với văn bản này.'),
  ];
}

/**
 * What ended the document, when an indexed document replaced or repealed it: a notice with a link; else null.
 * @param {RelationsResponse['validity']} validity
 */
export function renderValidityNotice(validity) {
  const ended = validity.endedBy;
  if (!ended) return null;
  const verb = ended.type === 'replaces' ? 'được thay thế bởi' : 'bị bãi bỏ bởi';
  return el(
    'p',
    { class: 'notice validity-notice', role: 'note' },
    `Văn bản này đã hết hiệu lực${ended.since ? ` từ ${formatDate(ended.since)}` : ''}: ${verb} `,
    el('a', { href: documentUrl(ended.by.id) }, ended.by.title ? `${ended.by.number} – ${ended.by.title}` : ended.by.number),
    '.',
  );
}
