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
    const at = inCopy(m.start, m.end);
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
 * For a mention's span in the copy's text: the nearest element on the way down to it that
 * carries a source index and holds the whole span (a name can start inside a link and end
 * after it), and the offset where that element's text begins. It descends by the text lengths
 * of each level's children, so only the branches that hold mentions are visited, never the
 * whole article node by node. A length is measured only when it decides the way down: not for
 * an only child nor for the last one, and for the others only up to the child that holds the
 * start (kept, as running ends, for the next mention). Measuring means building the child's
 * text, and at the top of the article that is the whole article's.
 */
function copyLocator(content: Element): (start: number, end: number) => { tagged: Element; base: number } | null {
  /** Per parent: the offset (from the parent's start) where each child measured so far ends. */
  const ends = new Map<Node, number[]>();
  return (start, end) => {
    let node: Node = content;
    let base = 0;
    /** Where the current node's text ends. */
    let limit = Number.POSITIVE_INFINITY;
    let found: { tagged: Element; base: number } | null = null;
    // Deeper nodes end no later: once one ends before the mention does, none below holds it.
    while (node.nodeType === 1 && end <= limit) {
      if ((node as Element).hasAttribute(SOURCE_INDEX_ATTR)) found = { tagged: node as Element, base };
      const kids = node.childNodes;
      const count = kids.length;
      if (count === 0) break;
      let known = ends.get(node);
      if (!known) {
        known = [];
        ends.set(node, known);
      }
      const within = start - base;
      let k = 0;
      // Children already measured: skip those that end at or before the start.
      while (k < known.length && within >= (known[k] as number)) k++;
      if (k === known.length) {
        // Measure further, one child at a time, until one ends past the start; the last child
        // is never measured (nothing after it to tell apart).
        let measured = k === 0 ? 0 : (known[k - 1] as number);
        while (k < count - 1) {
          const c = kids[k] as Node;
          measured += c.nodeType === 3 ? (c as Text).data.length : c.nodeType === 1 ? (c.textContent ?? '').length : 0;
          known.push(measured);
          if (within < measured) break;
          k++;
        }
      }
      // The last child ends where its parent does; any other, where it was measured to.
      if (k < count - 1) limit = base + (known[k] as number);
      if (k > 0) base += known[k - 1] as number;
      node = kids[k] as Node;
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
  // The common case, one exact occurrence, needs no ranking.
  if (found.length === 1) return found;
  return (found.length > 0 ? found : looseOccurrences(haystack, needle)).sort(
    (a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected),
  );
}

/** Occurrences where whitespace may differ and soft hyphens may sit inside words. */
function looseOccurrences(haystack: string, needle: string): { start: number; end: number }[] {
  const loose = new RegExp(
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
  const found: { start: number; end: number }[] = [];
  for (const m of haystack.matchAll(loose))
    found.push({ start: m.index as number, end: (m.index as number) + m[0].length });
  return found;
}
