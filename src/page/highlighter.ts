import type { EntityType } from '../dataset/schema';

export interface Mark {
  range: Range;
  type: EntityType;
}

/** How mentions are painted (the person's setting); "none" paints nothing. */
export type HighlightStyle = 'underline' | 'background' | 'none';

export interface Highlighter {
  readonly mode: 'highlight-api' | 'wrap';
  show(marks: readonly Mark[]): void;
  clear(): void;
}

/** Tag of the fallback wrapper; it is ours, so page styles and scripts ignore it. */
export const MARK_TAG = 'dramatis-mark';
const TYPES: EntityType[] = ['person', 'company', 'agency'];
/** The underline style keeps the plain names; the background style has names of its own. */
export const highlightName = (type: EntityType, style: HighlightStyle = 'underline') =>
  style === 'background' ? `dramatis-${type}-bg` : `dramatis-${type}`;
const STYLES: HighlightStyle[] = ['underline', 'background'];

/**
 * Marks mentions without touching the page: the CSS Custom Highlight API paints ranges the
 * page's DOM never sees. Only where the API is missing are mentions wrapped in our element.
 */
export function createHighlighter(win: Window, style: HighlightStyle = 'underline'): Highlighter {
  const registry = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (registry && typeof HighlightCtor === 'function') return apiHighlighter(registry, HighlightCtor, style);
  return wrappingHighlighter(win.document, style);
}

function apiHighlighter(
  registry: HighlightRegistry,
  HighlightCtor: typeof Highlight,
  style: HighlightStyle,
): Highlighter {
  const clear = () => {
    for (const type of TYPES) for (const s of STYLES) registry.delete(highlightName(type, s));
  };
  return {
    mode: 'highlight-api',
    show(marks) {
      clear();
      if (style === 'none') return;
      for (const type of TYPES) {
        const ranges = marks.filter((m) => m.type === type).map((m) => m.range);
        if (ranges.length > 0) registry.set(highlightName(type, style), new HighlightCtor(...ranges));
      }
    },
    clear,
  };
}

function wrappingHighlighter(doc: Document, style: HighlightStyle): Highlighter {
  let wrappers: Element[] = [];
  return {
    mode: 'wrap',
    show(marks) {
      this.clear();
      if (style === 'none') return;
      // Wrap from the last mark backwards so earlier ranges keep their offsets.
      for (let i = marks.length - 1; i >= 0; i--) {
        const mark = marks[i] as Mark;
        for (const segment of textSegments(mark.range).reverse()) {
          const el = doc.createElement(MARK_TAG);
          el.setAttribute('data-type', mark.type);
          el.setAttribute('data-mark', String(i));
          el.setAttribute('data-style', style);
          const target = segment.node.splitText(segment.start);
          target.splitText(segment.end - segment.start);
          target.replaceWith(el);
          el.append(target);
          wrappers.push(el);
        }
      }
    },
    clear() {
      for (const el of wrappers) {
        const parent = el.parentNode;
        if (!parent) continue;
        el.replaceWith(...Array.from(el.childNodes));
        parent.normalize();
      }
      wrappers = [];
    },
  };
}

/** The text-node pieces a range covers. */
export function textSegments(range: Range): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    out.push({ node: root as Text, start: range.startOffset, end: range.endOffset });
    return out;
  }
  const walker = root.ownerDocument?.createTreeWalker(root, 0x4);
  if (!walker) return out;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const t = n as Text;
    const start = t === range.startContainer ? range.startOffset : 0;
    const end = t === range.endContainer ? range.endOffset : t.data.length;
    if (end > start) out.push({ node: t, start, end });
  }
  return out;
}
