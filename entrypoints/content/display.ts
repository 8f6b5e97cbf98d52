import type { CastMember } from '../../src/cast/types';
import type { EntityType } from '../../src/dataset/schema';
import type { Topic } from '../../src/dataset/topics';
import { renderCard } from '../../src/page/card';
import type { CardHost, OpenOptions } from '../../src/page/card-host';
import { createHighlighter, type Highlighter } from '../../src/page/highlighter';
import { type HoverTarget, watchHover } from '../../src/page/hover';
import type { Settings } from '../../src/storage/settings';

export interface PageMark {
  range: Range;
  type: EntityType;
  member: CastMember | undefined;
  /** Index of the member in the cast of the page's latest reading; -1 when it is not in it. */
  memberIndex: number;
  /** The date and topics of the article the mark was read in, for its card. */
  published: string | null;
  topics: readonly Topic[];
}

export interface Display {
  /** Paints and wires the marks as the settings say; call again whenever they change. */
  apply(settings: Settings): void;
  /** The marks painted now (their types switched on), in page order. */
  visible(): readonly PageMark[];
  /** Opens a mark's card at once. */
  open(mark: PageMark, options?: OpenOptions): void;
  clear(): void;
}

/**
 * The person's display settings applied to one page's marks: which entity types are marked,
 * how they are painted, and whether a card opens on hover or on click. Marks of a type switched
 * off are neither painted nor open a card; with the "none" style cards still open.
 * `write` runs every change to the page's DOM (only the fallback highlighter makes any), so the
 * late-content watcher can tell them from the page's own.
 */
export function createDisplay(
  win: Window,
  marks: readonly PageMark[],
  card: CardHost,
  options: { onOpenProfile?: (id: string) => void; write?: <T>(change: () => T) => T } = {},
): Display {
  const write = options.write ?? (<T>(change: () => T) => change());
  // Only the fallback highlighter changes the page's DOM. The Highlight API's painting is not a
  // DOM change: handing it to `write` would only make the late-content watcher look through the
  // page's own pending changes in the middle of our highlighting step.
  const changePage = (h: Highlighter, change: () => void) => (h.mode === 'wrap' ? write(change) : change());
  let highlighter: Highlighter | undefined;
  let stopHover: (() => void) | undefined;
  let stopClick: (() => void) | undefined;
  let visible: readonly PageMark[] = [];

  const clear = () => {
    // Nothing painted yet (the first apply): nothing to take down, and no card of these marks open.
    if (!highlighter) return;
    stopHover?.();
    stopClick?.();
    const h = highlighter;
    if (h) changePage(h, () => h.clear());
    card.close();
    stopHover = stopClick = highlighter = undefined;
    visible = [];
  };

  const open = (mark: PageMark, now: boolean, openOptions?: OpenOptions) => {
    const member = mark.member;
    if (!member) return;
    const build = (d: Document) =>
      renderCard(d, member, {
        published: mark.published,
        topics: mark.topics,
        onOpenProfile: options.onOpenProfile,
      });
    if (now) card.openNow(mark.range, build, openOptions);
    else card.hoverStart(mark.range, build);
  };

  return {
    clear,
    visible: () => visible,
    open: (mark, openOptions) => open(mark, true, openOptions),
    apply(settings) {
      clear();
      const shown = marks.filter((m) => settings.highlightTypes[m.type]);
      visible = shown;
      const h = createHighlighter(win, settings.highlightStyle);
      highlighter = h;
      changePage(h, () => h.show(shown));
      let pointed: HoverTarget | null = null;
      stopHover = watchHover(
        win,
        shown.map((m) => m.range),
        (target) => {
          pointed = target;
          if (settings.openCards === 'click') return;
          const mark = target ? shown[target.mark] : undefined;
          if (mark) open(mark, false);
          else card.hoverEnd();
        },
        (el) => card.isOwnUi(el),
      );
      if (settings.openCards === 'click') {
        const onClick = (event: MouseEvent) => {
          const target = event.target as Element | null;
          if (target?.nodeType === 1 && card.isOwnUi(target)) return;
          const mark = pointed ? shown[pointed.mark] : undefined;
          if (mark) open(mark, true);
          else card.close();
        };
        win.document.addEventListener('click', onClick, true);
        stopClick = () => win.document.removeEventListener('click', onClick, true);
      }
    },
  };
}
