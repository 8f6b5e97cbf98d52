import type { CardHost } from '../../src/page/card-host';
import { isInView, type StepDirection, stepTarget } from '../../src/page/mention-steps';
import type { Display, PageMark } from './display';

/** The highlight that shows which mention the keyboard is on, above the entity highlights. */
export const FOCUS_HIGHLIGHT = 'dramatis-focus';

/**
 * Moves from mention to mention with the keyboard shortcut: scrolls the next (or previous) one
 * into view, marks it, and opens its card with focus inside, so Tab reaches the card's links
 * and Esc closes it and returns focus. Closing the card takes the focus mark away too.
 */
export function createStepper(win: Window, display: () => Display | null, card: CardHost) {
  let current: PageMark | null = null;
  const registry = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;

  const unmark = () => {
    registry?.delete(FOCUS_HIGHLIGHT);
  };
  const stopListening = card.onClose(unmark);

  return {
    step(direction: StepDirection): { index: number; total: number } {
      const marks = display()?.visible() ?? [];
      const viewport = win.innerHeight;
      const boxes = marks.map((m) => firstBox(m.range));
      // Carry on from the last mention while its card is open or it is still on screen;
      // after scrolling away, start again from what is on screen.
      let from = current ? marks.indexOf(current) : -1;
      const box = boxes[from];
      if (from >= 0 && !card.isOpen() && box && (box.bottom < 0 || box.top > viewport)) from = -1;
      const index = stepTarget(boxes, from, direction, viewport);
      const mark = marks[index];
      if (!mark) return { index: -1, total: marks.length };
      reveal(win, mark.range);
      if (registry && HighlightCtor) {
        const focus = new HighlightCtor(mark.range);
        focus.priority = 2;
        registry.set(FOCUS_HIGHLIGHT, focus);
      }
      display()?.open(mark, { focus: true });
      current = mark;
      return { index, total: marks.length };
    },
    stop() {
      stopListening();
      unmark();
      current = null;
    },
  };
}

function firstBox(range: Range): { top: number; bottom: number } {
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { top: rect.top, bottom: rect.bottom };
}

/** Brings a mention to the upper third of the screen, unless it is already comfortably in view. */
function reveal(win: Window, range: Range): void {
  if (isInView(firstBox(range), win.innerHeight)) return;
  const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  // Its element first, so scrolling containers inside the page move too; then the window, exactly.
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
  const box = firstBox(range);
  if (!isInView(box, win.innerHeight))
    win.scrollBy({ top: box.top - win.innerHeight / 3, behavior: reduced ? 'instant' : 'smooth' } as ScrollToOptions);
}
