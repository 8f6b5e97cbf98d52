import { describe, expect, it } from 'vitest';
import { isInView, stepTarget } from '../../src/page/mention-steps';

const box = (top: number) => ({ top, bottom: top + 20 });

describe('stepping through mentions', () => {
  const boxes = [box(-300), box(-40), box(120), box(500), box(1400)];

  it('goes on from the current mention, wrapping round at both ends', () => {
    expect(stepTarget(boxes, 2, 'next', 900)).toBe(3);
    expect(stepTarget(boxes, 4, 'next', 900)).toBe(0);
    expect(stepTarget(boxes, 2, 'previous', 900)).toBe(1);
    expect(stepTarget(boxes, 0, 'previous', 900)).toBe(4);
  });

  it('starts from what is on screen when there is no current mention', () => {
    expect(stepTarget(boxes, -1, 'next', 900)).toBe(2);
    expect(stepTarget(boxes, -1, 'previous', 900)).toBe(3);
  });

  it('falls back to the ends when nothing is on screen', () => {
    const above = [box(-900), box(-500)];
    expect(stepTarget(above, -1, 'next', 900)).toBe(0);
    expect(stepTarget(above, -1, 'previous', 900)).toBe(1);
    const below = [box(1000), box(2000)];
    expect(stepTarget(below, -1, 'next', 900)).toBe(0);
    expect(stepTarget(below, -1, 'previous', 900)).toBe(1);
  });

  it('has nowhere to go without marks, and ignores a stale current index', () => {
    expect(stepTarget([], -1, 'next', 900)).toBe(-1);
    expect(stepTarget([], 3, 'previous', 900)).toBe(-1);
    expect(stepTarget(boxes, 9, 'next', 900)).toBe(2);
  });

  it('calls a box under the screen edges out of view', () => {
    expect(isInView(box(100), 900)).toBe(true);
    expect(isInView(box(10), 900)).toBe(false);
    expect(isInView(box(870), 900)).toBe(false);
  });
});
