import { MARK_TAG, textSegments } from './highlighter';

export interface HoverTarget {
  /** Index of the mark under the pointer. */
  mark: number;
  range: Range;
}

interface Segment {
  start: number;
  end: number;
  mark: number;
}

/**
 * Tells which mark is under the pointer. With the Highlight API nothing is in the DOM to
 * receive events, so the pointer position is turned into a caret position and checked against
 * the marks' text segments and rectangles, at most once per animation frame.
 */
export function watchHover(
  win: Window,
  ranges: readonly Range[],
  onChange: (target: HoverTarget | null) => void,
  isOwnUi: (el: Element) => boolean,
): () => void {
  const doc = win.document;
  /**
   * The marks' text segments by text node, built at the first pointer move: a page read but
   * never pointed at (most of a long article's marks are never under the pointer) pays nothing
   * for it when it is painted.
   */
  let byNode: Map<Node, Segment[]> | undefined;
  const segmentsByNode = () => {
    if (byNode) return byNode;
    byNode = new Map();
    for (let mark = 0; mark < ranges.length; mark++) {
      for (const s of textSegments(ranges[mark] as Range)) {
        const list = byNode.get(s.node) ?? [];
        list.push({ start: s.start, end: s.end, mark });
        byNode.set(s.node, list);
      }
    }
    return byNode;
  };

  let current = -1;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  let lastTarget: EventTarget | null = null;

  const find = (): number => {
    const target = lastTarget as Element | null;
    if (target && typeof target.closest === 'function') {
      if (isOwnUi(target)) return -2; // over our card: keep whatever is open
      const wrapped = target.closest(MARK_TAG);
      if (wrapped) return Number(wrapped.getAttribute('data-mark'));
    }
    const caret = caretAt(doc, lastX, lastY);
    if (!caret) return -1;
    const segments = segmentsByNode().get(caret.node);
    if (!segments) return -1;
    for (const s of segments) {
      if (caret.offset < s.start || caret.offset > s.end) continue;
      const range = ranges[s.mark] as Range;
      for (const r of Array.from(range.getClientRects())) {
        if (lastX >= r.left && lastX <= r.right && lastY >= r.top && lastY <= r.bottom) return s.mark;
      }
    }
    return -1;
  };

  const onMove = (event: PointerEvent) => {
    lastX = event.clientX;
    lastY = event.clientY;
    lastTarget = event.target;
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const found = find();
      if (found === -2 || found === current) return;
      current = found;
      onChange(found >= 0 ? { mark: found, range: ranges[found] as Range } : null);
    });
  };
  doc.addEventListener('pointermove', onMove, { passive: true, capture: true });
  return () => {
    doc.removeEventListener('pointermove', onMove, { capture: true });
    if (frame) win.cancelAnimationFrame(frame);
  };
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = withRange.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
