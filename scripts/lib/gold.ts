/**
 * The gold set: hand-written article pages whose true mentions are marked inline as
 * `<span data-gold="entity-id">Name</span>`. The marks are plain spans, so the page goes through
 * exactly the pipeline a reader's page does (Readability, date, matcher); gold offsets are read
 * from Readability's output and compared with the matcher's mentions, offset for offset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Engine } from '../../src/analysis/engine';
import { extractArticle } from '../../src/article/extract';

export const GOLD_DIR = new URL('../../tests/gold/', import.meta.url);
const GOLD_ATTR = 'data-gold';

export interface Span {
  start: number;
  end: number;
  entity: string;
}

export interface GoldCase {
  file: string;
  /** What the fixture exercises, from `<meta name="dramatis:gold-case">`. */
  cases: string[];
  text: string;
  published: string | null;
  gold: Span[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseResult extends Score {
  file: string;
  cases: string[];
  falsePositives: Array<Span & { text: string }>;
  falseNegatives: Array<Span & { text: string }>;
}

export function goldFiles(): string[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Parses one fixture the way `annotate` does and reads its marked spans. */
export function loadGoldCase(file: string): GoldCase {
  const html = readFileSync(new URL(file, GOLD_DIR), 'utf8');
  const { document } = parseHTML(html);
  const cases = (document.querySelector('meta[name="dramatis:gold-case"]')?.getAttribute('content') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const outcome = extractArticle(document as unknown as Document, { force: true });
  if (!outcome.ok) throw new Error(`${file}: no article extracted (${outcome.reason})`);
  const { content, text, published } = outcome.article;
  const gold = markedSpans(content);
  for (const span of gold) {
    if (span.end <= span.start) throw new Error(`${file}: empty gold mark for ${span.entity}`);
  }
  if (textOf(content) !== text) throw new Error(`${file}: text walk disagrees with Readability's textContent`);
  return { file, cases, text, published, gold };
}

/** Offsets of `data-gold` elements in the element's textContent (outermost marks only). */
function markedSpans(root: Element): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  const visit = (node: Node, inside: boolean): void => {
    if (node.nodeType === 3) {
      offset += (node.nodeValue ?? '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const entity = inside ? null : (node as Element).getAttribute(GOLD_ATTR);
    const start = offset;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, inside || entity !== null);
    if (entity) spans.push({ start, end: offset, entity });
  };
  visit(root, false);
  return spans;
}

function textOf(root: Element): string {
  return root.textContent ?? '';
}

/** Exact-span scoring: a mention counts only with the same offsets and the same entity. */
export function scoreCase(engine: Engine, gc: GoldCase): CaseResult {
  const predicted: Span[] = engine.matcher.match(gc.text).map((m) => ({
    start: m.start,
    end: m.end,
    entity: engine.dataset.entities[m.entity]?.id ?? '?',
  }));
  const key = (s: Span) => `${s.start}:${s.end}:${s.entity}`;
  const goldKeys = new Set(gc.gold.map(key));
  const predKeys = new Set(predicted.map(key));
  const withText = (s: Span) => ({ ...s, text: gc.text.slice(s.start, s.end) });
  const falsePositives = predicted.filter((s) => !goldKeys.has(key(s))).map(withText);
  const falseNegatives = gc.gold.filter((s) => !predKeys.has(key(s))).map(withText);
  return {
    file: gc.file,
    cases: gc.cases,
    tp: predicted.length - falsePositives.length,
    fp: falsePositives.length,
    fn: falseNegatives.length,
    falsePositives,
    falseNegatives,
  };
}

export function precision(s: Score): number {
  return s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
}

export function recall(s: Score): number {
  return s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
}

export function sum(scores: Score[]): Score {
  return scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
}

/** Ids used in gold marks that the dataset does not know: a typo in a fixture, not a miss. */
export function unknownIds(engine: Engine, cases: GoldCase[]): string[] {
  const ids = new Set(cases.flatMap((c) => c.gold.map((g) => g.entity)));
  return [...ids].filter((id) => !engine.entity(id)).sort();
}
