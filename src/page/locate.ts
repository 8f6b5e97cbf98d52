import { SOURCE_INDEX_ATTR } from '../article/extract';
import { indexText, positionAt, type TextIndex } from './text-index';

export interface Located {
  range: Range;
  /** Index of the mention in the input list. */
  mention: number;
}

/**
 * Finds each mention of Readability's copy in the live page. The copy's elements carry the
 * index of their live twin; a mention is searched for in the live twin of its nearest tagged
 * ancestor, at the occurrence closest to where it sits in the copy. This survives the nodes
 * Readability removes or re-wraps, and never looks outside the article's own elements.
 * `text` is the copy's textContent, which the mention offsets index.
 */
export function locateMentions(
  content: Element,
  live: readonly Element[],
  mentions: readonly { start: number; end: number }[],
  text: string = content.textContent ?? '',
): Located[] {
  if (mentions.length === 0) return [];
  const inCopy = copyLocator(content);
  const liveIndexes = new Map<Element, TextIndex>();
  /** Where marks already start in the page: each occurrence is given to one mention only. */
  const taken = new Map<Text, Set<number>>();
  const located: Located[] = [];

  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as { start: number; end: number };
    const at = inCopy(m.start);
    const twin = at ? live[Number(at.tagged.getAttribute(SOURCE_INDEX_ATTR))] : undefined;
    if (!at || !twin?.isConnected) continue;
    let liveIndex = liveIndexes.get(twin);
    if (!liveIndex) {
      liveIndex = indexText(twin, 'live');
      liveIndexes.set(twin, liveIndex);
    }
    // A mention whose own text the page does not show there (an editable box Readability kept,
    // say) finds no free occurrence, rather than a second mark on a neighbour's.
    for (const found of rankedOccurrences(liveIndex.text, text.slice(m.start, m.end), m.start - at.base)) {
      const from = positionAt(liveIndex, found.start);
      const to = positionAt(liveIndex, found.end, true);
      if (!from || !to) continue;
      const starts = taken.get(from.node) ?? new Set<number>();
      if (starts.has(from.offset)) continue;
      starts.add(from.offset);
      taken.set(from.node, starts);
      const range = twin.ownerDocument.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      located.push({ range, mention: i });
      break;
    }
  }
  return located;
}

/**
 * For an offset in the copy's text: the nearest element on the way down to it that carries a
 * source index, and the offset where that element's text begins. It descends by the text
 * lengths of each level's children (computed natively, kept for the next mention), so only the
 * branches that hold mentions are visited, never the whole article node by node.
 */
function copyLocator(content: Element): (offset: number) => { tagged: Element; base: number } | null {
  const lengths = new Map<Node, number[]>();
  const lengthsOf = (parent: Node): number[] => {
    let out = lengths.get(parent);
    if (!out) {
      // A plain loop: this runs once per page, before the JIT has seen it, where callbacks cost most.
      out = [];
      for (let c = parent.firstChild; c; c = c.nextSibling)
        out.push(c.nodeType === 3 ? (c as Text).data.length : c.nodeType === 1 ? (c.textContent ?? '').length : 0);
      lengths.set(parent, out);
    }
    return out;
  };
  return (offset) => {
    let node: Node = content;
    let base = 0;
    let found: { tagged: Element; base: number } | null = null;
    while (node.nodeType === 1) {
      if ((node as Element).hasAttribute(SOURCE_INDEX_ATTR)) found = { tagged: node as Element, base };
      const sizes = lengthsOf(node);
      const kids = node.childNodes;
      let next: Node | null = null;
      for (let k = 0; k < sizes.length; k++) {
        const size = sizes[k] as number;
        if (offset < base + size) {
          next = kids[k] ?? null;
          break;
        }
        base += size;
      }
      if (!next) break;
      node = next;
    }
    return found;
  };
}

/**
 * Where `needle` occurs in `haystack`, nearest `expected` first. Exact occurrences come first;
 * only when there is none is whitespace allowed to differ between copy and page (and soft
 * hyphens to appear inside words).
 */
export function rankedOccurrences(
  haystack: string,
  needle: string,
  expected: number,
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
    found.push({ start: at, end: at + needle.length });
  if (found.length === 0) {
    const flexible = new RegExp(
      needle
        .split(/\s+/)
        .map((w) =>
          w
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .split('')
            .join('\\u00ad?'),
        )
        .join('\\s+'),
      'g',
    );
    for (const m of haystack.matchAll(flexible))
      found.push({ start: m.index as number, end: (m.index as number) + m[0].length });
  }
  return found.sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected));
}

/** The occurrence of `needle` nearest `expected`; whitespace may differ between copy and page. */
export function closestOccurrence(
  haystack: string,
  needle: string,
  expected: number,
): { start: number; end: number } | null {
  return rankedOccurrences(haystack, needle, expected)[0] ?? null;
}
