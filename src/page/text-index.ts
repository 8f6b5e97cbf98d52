/** The text of an element as one string, with the text node behind every offset. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

/** Subtrees whose text is code, a form field's, or not shown; by local name. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option']);
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/** An element the person can type into: never annotated. Read from attributes, so no style is computed. */
export function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/**
 * Indexes the text nodes under `root`. For Readability's copy ('copy') every text node
 * counts, exactly as in its textContent, which mention offsets index. For the live page
 * ('live') code, form fields and editable areas are skipped, and a root inside an editable
 * area has no text at all. Walks child lists directly: a TreeWalker filter would call back
 * into script for every node, which costs more than the walk itself.
 */
export function indexText(root: Node, mode: 'live' | 'copy'): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const live = mode === 'live';
  if (live && root.nodeType === 1 && (root as Element).closest(EDITABLE)) return { text: '', nodes: [], starts: [] };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(offset);
      parts.push(data);
      offset += data.length;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      descend = !live || !(SKIPPED.has(el.localName) || isEditable(el));
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The node containing `offset` and the offset inside it; `end` prefers the earlier node at a seam. */
export function positionAt(index: TextIndex, offset: number, end = false): { node: Text; offset: number } | null {
  const { starts, nodes } = index;
  if (nodes.length === 0) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid] as number;
    if (s < offset || (!end && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: Math.min(node.data.length, Math.max(0, offset - (starts[lo] as number))) };
}
