import type { PageMark } from './display';

const FLASH = 'dramatis-flash';
const FLASH_MS = 1_200;

/**
 * Scrolls to a cast member's next mention and flashes it for a moment. Each call moves on to
 * the following mention, wrapping round after the last, so repeated clicks in the popup walk
 * through them all.
 */
export function createRevealer(win: Window, marks: readonly PageMark[]) {
  const next = new Map<number, number>();
  let timer = 0;
  return function reveal(member: number): { index: number; total: number } {
    const own = marks.filter((m) => m.memberIndex === member);
    if (own.length === 0) return { index: -1, total: 0 };
    const index = (next.get(member) ?? 0) % own.length;
    next.set(member, index + 1);
    const range = (own[index] as PageMark).range;
    const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const anchor = range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    const registry = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
    if (registry && HighlightCtor) {
      // Above the entity highlights, so the flash shows whatever style those use.
      const flash = new HighlightCtor(range);
      flash.priority = 1;
      registry.set(FLASH, flash);
      win.clearTimeout(timer);
      timer = win.setTimeout(() => registry.delete(FLASH), FLASH_MS);
    }
    return { index, total: own.length };
  };
}
