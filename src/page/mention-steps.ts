export type StepDirection = 'next' | 'previous';

/** Where a mark is on screen: its first line box, relative to the viewport. */
export interface MarkBox {
  top: number;
  bottom: number;
}

/**
 * The mark to go to, marks being in document order. From a current mark, the one after (or
 * before) it, wrapping round at the ends. From none, the first mark that starts in or below
 * the viewport (next) or the last that ends in or above it (previous), so the first key press
 * lands near what the reader is looking at. -1 when there are no marks.
 */
export function stepTarget(
  boxes: readonly MarkBox[],
  current: number,
  direction: StepDirection,
  viewportHeight: number,
): number {
  const n = boxes.length;
  if (n === 0) return -1;
  if (current >= 0 && current < n) return direction === 'next' ? (current + 1) % n : (current - 1 + n) % n;
  if (direction === 'next') {
    const below = boxes.findIndex((b) => b.top >= 0);
    return Math.max(below, 0);
  }
  for (let i = n - 1; i >= 0; i--) if ((boxes[i] as MarkBox).bottom <= viewportHeight) return i;
  return n - 1;
}

/** Whether a box is comfortably on screen (not under the top or bottom edge). */
export function isInView(box: MarkBox, viewportHeight: number, margin = 40): boolean {
  return box.top >= margin && box.bottom <= viewportHeight - margin;
}
