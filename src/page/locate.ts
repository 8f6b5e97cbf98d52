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
 */
export function locateMentions(
  content: Element,
  live: readonly Element[],
  mentions: readonly { start: number; end: number }[],
): Located[] {
  const copyIndex = indexText(content, 'copy');
  const liveIndexes = new Map<Element, TextIndex>();
  const firstOffset = new Map<Element, number>();
  const nodePosition = new Map<Text, number>();
  for (let i = 0; i < copyIndex.nodes.length; i++)
    nodePosition.set(copyIndex.nodes[i] as Text, copyIndex.starts[i] as number);
  const located: Located[] = [];

  mentions.forEach((m, i) => {
    const at = positionAt(copyIndex, m.start);
    if (!at) return;
    const tagged = at.node.parentElement?.closest(`[${SOURCE_INDEX_ATTR}]`);
    const twin = tagged ? live[Number(tagged.getAttribute(SOURCE_INDEX_ATTR))] : undefined;
    if (!tagged || !twin?.isConnected) return;

    let base = firstOffset.get(tagged);
    if (base === undefined) {
      base = firstTextOffset(tagged, nodePosition) ?? m.start;
      firstOffset.set(tagged, base);
    }
    let liveIndex = liveIndexes.get(twin);
    if (!liveIndex) {
      liveIndex = indexText(twin, 'live');
      liveIndexes.set(twin, liveIndex);
    }
    const wanted = copyIndex.text.slice(m.start, m.end);
    const found = closestOccurrence(liveIndex.text, wanted, m.start - base);
    if (!found) return;
    const from = positionAt(liveIndex, found.start);
    const to = positionAt(liveIndex, found.end, true);
    if (!from || !to) return;
    const range = twin.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    located.push({ range, mention: i });
  });
  return located;
}

function firstTextOffset(el: Element, nodePosition: Map<Text, number>): number | undefined {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  const first = walker.nextNode() as Text | null;
  return first ? nodePosition.get(first) : undefined;
}

/** The occurrence of `needle` nearest `expected`; whitespace may differ between copy and page. */
export function closestOccurrence(
  haystack: string,
  needle: string,
  expected: number,
): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const distance = Math.abs(at - expected);
    if (distance < bestDistance) {
      best = { start: at, end: at + needle.length };
      bestDistance = distance;
    }
  }
  if (best) return best;
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
  for (const m of haystack.matchAll(flexible)) {
    const distance = Math.abs((m.index as number) - expected);
    if (distance < bestDistance) {
      best = { start: m.index as number, end: (m.index as number) + m[0].length };
      bestDistance = distance;
    }
  }
  return best;
}
