/** The text of an element as one string, with the text node behind every offset. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION']);

/**
 * Indexes the text nodes under `root`. For the live page ('live') code, form fields and
 * editable areas are skipped; for Readability's copy ('copy') every text node counts, exactly
 * as in its textContent, which mention offsets index.
 */
export function indexText(root: Node, mode: 'live' | 'copy'): TextIndex {
  const skipEditable = mode === 'live';
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x5 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (mode === 'live' && SKIPPED.has(el.tagName.toUpperCase())) return 2; /* REJECT: skips the subtree */
        if (skipEditable && (el as HTMLElement).isContentEditable) return 2;
        return 3; /* SKIP: descend */
      }
      return 1;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(offset);
    parts.push(t.data);
    offset += t.data.length;
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
