import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listCorpus, readPageBytes } from '../../scripts/lib/sweep/corpus';
import { extractArticle } from '../../src/article/extract';
import { locateMentions, rankedOccurrences } from '../../src/page/locate';
import { snapshotDocument } from '../../src/page/snapshot';

/** The unit tests' DOM has no settable Range: a record of the boundary points does. */
interface Boundaries {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

function pageWithRanges(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  (doc as unknown as { createRange: () => unknown }).createRange = () => {
    const r = {
      setStart(node: Node, offset: number) {
        Object.assign(r, { startContainer: node, startOffset: offset });
      },
      setEnd(node: Node, offset: number) {
        Object.assign(r, { endContainer: node, endOffset: offset });
      },
    };
    return r;
  };
  return doc;
}

/** Every text node of the page in document order, with its position in that order. */
function textOrder(doc: Document): Map<Node, number> {
  const order = new Map<Node, number>();
  const visit = (node: Node) => {
    if (node.nodeType === 3) order.set(node, order.size);
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(doc.documentElement);
  return order;
}

/** The page's text between a range's boundary points. */
function rangeText(r: Boundaries, order: Map<Node, number>): string {
  const nodes = [...order.keys()];
  const from = order.get(r.startContainer) as number;
  const to = order.get(r.endContainer) as number;
  if (from === to) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  let text = (r.startContainer as Text).data.slice(r.startOffset);
  for (let i = from + 1; i < to; i++) text += (nodes[i] as Text).data;
  return text + (r.endContainer as Text).data.slice(0, r.endOffset);
}

/** Stand-in mentions: every capitalized word of the article, repeats included. */
function capitalizedWords(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\b[A-Z][a-z]{3,}\b/g)].map((m) => ({
    start: m.index as number,
    end: (m.index as number) + m[0].length,
  }));
}

/** Reads a page as the content script does and locates the mentions `pick` finds in its article. */
function locateAll(html: string, pick = capitalizedWords) {
  const page = pageWithRanges(html);
  const { copy, live } = snapshotDocument(page);
  const outcome = extractArticle(copy, { force: true });
  if (!outcome.ok) throw new Error(`no article: ${outcome.reason}`);
  const { article } = outcome;
  const mentions = pick(article.text);
  const located = locateMentions(article.content, live, mentions, article.text);
  return { page, live, article, mentions, located };
}

const GOLD = listCorpus(resolve('tests/gold'));

describe('locateMentions', () => {
  it('finds every mention of a gold page in the live page, at its own occurrence, in page order', () => {
    expect(GOLD.length).toBeGreaterThanOrEqual(40);
    let total = 0;
    for (const page of GOLD) {
      const { page: doc, article, mentions, located } = locateAll(readPageBytes(page.path).toString('utf8'));
      const order = textOrder(doc);
      expect(located.length, page.name).toBe(mentions.length);
      let previous: [number, number] = [-1, -1];
      for (const l of located) {
        const r = l.range as unknown as Boundaries;
        const m = mentions[l.mention] as { start: number; end: number };
        expect(rangeText(r, order), page.name).toBe(article.text.slice(m.start, m.end));
        // The article is in page order, so its mentions are too: a repeated name never takes
        // an earlier or later occurrence than its own.
        const at: [number, number] = [order.get(r.startContainer) as number, r.startOffset];
        expect(at[0] > previous[0] || (at[0] === previous[0] && at[1] > previous[1]), page.name).toBe(true);
        previous = at;
      }
      total += located.length;
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('finds mentions in the first and last paragraphs, through inline markup, in any order asked', () => {
    const paragraph = (name: string) =>
      `<p>Officials said <a href="/x"><em>${name}</em></a> would testify, and ${name} agreed to answer questions about the encryption rules before the committee in the spring.</p>`;
    const html = `<!doctype html><html><head><title>Hearing set</title></head><body><nav>Vestager Home</nav><article>
      ${paragraph('Vestager')}${paragraph('Breton')}${paragraph('Rosenstein')}${paragraph('Khan')}${paragraph('Vestager')}
      </article><aside>Vestager in the sidebar</aside></body></html>`;
    const names = (text: string) => capitalizedWords(text).filter((m) => text.slice(m.start, m.end) !== 'Officials');
    const { page, live, article, mentions, located: inOrder } = locateAll(html, names);
    const { text, content } = article;
    const order = textOrder(page);
    const reversed = locateMentions(content, live, [...mentions].reverse(), text);
    expect(inOrder).toHaveLength(10);
    expect(reversed).toHaveLength(10);
    const where = (l: { range: Range }) => {
      const r = l.range as unknown as Boundaries;
      return `${order.get(r.startContainer)}:${r.startOffset}:${rangeText(r, order)}`;
    };
    // Asked back to front, each mention still lands on its own occurrence.
    expect(reversed.map(where).reverse()).toEqual(inOrder.map(where));
    const nav = page.querySelector('nav') as Element;
    const aside = page.querySelector('aside') as Element;
    for (const l of inOrder) {
      const node = (l.range as unknown as Boundaries).startContainer;
      expect(nav.contains(node) || aside.contains(node)).toBe(false);
    }
  });

  it('ranks exact occurrences by distance, and falls back to loose whitespace and soft hyphens', () => {
    const page = 'Vestager spoke. Later Vestager left. Vestager returned.';
    expect(rankedOccurrences(page, 'Vestager', 20).map((o) => o.start)).toEqual([22, 37, 0]);
    const loose = 'Commissioner Věra\u00a0Jou\u00adrová and\nMargrethe   Vestager';
    const found = rankedOccurrences(loose, 'Věra Jourová', 0);
    expect(found).toHaveLength(1);
    expect(loose.slice(found[0]?.start, found[0]?.end)).toBe('Věra\u00a0Jou\u00adrová');
    expect(rankedOccurrences(loose, 'Margrethe Vestager', 0)).toHaveLength(1);
    expect(rankedOccurrences(loose, 'Thierry Breton', 0)).toEqual([]);
  });
});
