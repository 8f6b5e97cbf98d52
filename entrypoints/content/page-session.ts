import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../src/messaging/client';
import cardCss from '../../src/page/card.css?inline';
import { createCardHost } from '../../src/page/card-host';
import { MARK_TAG } from '../../src/page/highlighter';
import { type Clock, watchLateContent } from '../../src/page/late-content';
import type { StepDirection } from '../../src/page/mention-steps';
import { MARK, markPhase } from '../../src/page/timeline';
import type { Settings } from '../../src/storage/settings';
import { type PageReading, readPage } from './annotate-page';
import { createDisplay, type Display, type PageMark } from './display';
import { createStepper } from './mention-stepper';
import { createRevealer } from './reveal-mention';

/** After a single-page navigation, the new page is read once it has had this long to render. */
const NAVIGATION_SETTLE_MS = 500;

type Reason = 'start' | 'late' | 'navigate';

/**
 * Dramatis on one page for as long as the content script lives: reads the article, keeps its
 * marks painted as the settings say, reads again when the page changes under it (late content,
 * single-page navigation), and takes everything down when switched off or when the extension
 * goes away. Its own changes to the page never count as the page changing.
 */
export function createPageSession(win: Window, ctx: ContentScriptContext, settings: () => Settings) {
  const doc = win.document;
  const card = createCardHost(win, cardCss);
  let reading: PageReading | null = null;
  let marks: PageMark[] = [];
  let display: Display | null = null;
  let reveal: ReturnType<typeof createRevealer> | null = null;
  /** A reading of late content that arrived while a card was open; shown when it closes. */
  let waiting: PageReading | null = null;
  let active = false;
  /** Bumped by every new reading and by stop(): an older reading's result is dropped. */
  let generation = 0;
  let navigationTimer = 0;
  const paintsWithoutDom = Boolean((win as unknown as { CSS?: { highlights?: unknown } }).CSS?.highlights);

  const clock: Clock = {
    now: () => win.performance.now(),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => win.clearTimeout(id),
  };
  const isOwn = (node: Node) => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && (card.isOwnUi(el) || el.closest(MARK_TAG) !== null);
  };
  const late = watchLateContent(
    doc,
    // ctx.isInvalid notices an extension that went away, and runs the clean-up below.
    { isOwn, roots: () => reading?.roots ?? [], alive: () => !ctx.isInvalid },
    () => read('late'),
    clock,
  );
  const stepper = createStepper(win, () => display, card);
  card.onClose(() => {
    const next = waiting;
    waiting = null;
    if (next && active) show(next, 'late');
  });

  function paint(next: PageMark[]) {
    display?.clear();
    marks = next;
    display = createDisplay(win, marks, card, {
      onOpenProfile: (id) => void send({ type: 'open-profile', id }).catch(() => undefined),
      write: late.quietly,
    });
    display.apply(settings());
    reveal = createRevealer(win, marks);
  }

  function clearMarks() {
    display?.clear();
    display = null;
    reveal = null;
    marks = [];
    reading = null;
    waiting = null;
  }

  /**
   * Shows a reading. Late content keeps the marks of earlier readings that lie outside the new
   * reading's article (an article above the one infinite scroll just added); the rest is replaced.
   */
  function show(next: PageReading, reason: Reason) {
    const kept =
      reason === 'late'
        ? marks.filter(
            (m) => m.range.startContainer.isConnected && !next.roots.some((r) => r.contains(m.range.startContainer)),
          )
        : [];
    const castIndex = new Map(next.analysis.cast.map((c, i) => [c.id, i]));
    const carried = kept.map((m) => ({ ...m, memberIndex: castIndex.get(m.member?.id ?? '') ?? -1 }));
    reading = next;
    paint(inPageOrder([...next.marks, ...carried]));
  }

  async function read(reason: Reason): Promise<void> {
    if (!active) return;
    const mine = ++generation;
    const previous = reading;
    // Fallback marks are elements in the page: take them out first, or the new reading would
    // locate mentions in text nodes that unwrapping them later merges away.
    if (!paintsWithoutDom && display) clearMarks();
    let next: PageReading | null;
    try {
      next = await readPage(win);
    } catch (err) {
      if (mine === generation && reason !== 'late')
        void send({ type: 'page-status', url: win.location.href, status: 'failed', detail: String(err) }).catch(
          () => undefined,
        );
      return;
    }
    if (mine !== generation || !active || ctx.isInvalid) return;
    if (!next) {
      // Late content that is no article leaves the marks alone; a new page that is none clears them.
      if (reason !== 'late') clearMarks();
      return;
    }
    const news = !(previous && sameReading(previous, next));
    if (reason === 'late') late.found(news);
    if (reason !== 'start' && !news) {
      markPhase(win.performance, MARK.highlighted);
      return;
    }
    if (reason === 'late' && card.isOpen()) waiting = next;
    else show(next, reason);
    markPhase(win.performance, MARK.highlighted);
  }

  ctx.addEventListener(win, 'wxt:locationchange', (event) => {
    const { newUrl, oldUrl } = event as unknown as { newUrl: URL; oldUrl: URL };
    // A jump to an anchor in the same article is not a new page.
    if (newUrl.href.split('#')[0] === oldUrl.href.split('#')[0] || !active) return;
    card.close();
    generation++;
    win.clearTimeout(navigationTimer);
    navigationTimer = ctx.setTimeout(() => void read('navigate'), NAVIGATION_SETTLE_MS) as unknown as number;
  });

  ctx.onInvalidated(() => {
    active = false;
    late.stop();
    stepper.stop();
    clearMarks();
    card.destroy();
  });

  return {
    /** Reads and marks the page (the site is on and Dramatis is not paused). */
    start() {
      if (active) return;
      active = true;
      void read('start');
    },
    /** Takes every mark and the card down at once (the site was switched off, or a pause). */
    stop() {
      active = false;
      generation++;
      win.clearTimeout(navigationTimer);
      stepper.stop();
      clearMarks();
    },
    get running() {
      return active;
    },
    /** The display settings changed: repaint what is there. */
    applySettings() {
      display?.apply(settings());
    },
    /** The popup's mention counts: scroll to a cast member's next mention and flash it. */
    reveal(member: number) {
      return reveal ? reveal(member) : { index: -1, total: 0 };
    },
    /** The keyboard shortcut: the next or previous mention, with its card open. */
    step(direction: StepDirection) {
      return stepper.step(direction);
    },
  };
}

/** Nothing new: the same article text, and every mark still in the page. */
function sameReading(previous: PageReading, next: PageReading): boolean {
  return previous.text === next.text && previous.marks.every((m) => m.range.startContainer.isConnected);
}

function inPageOrder(marks: PageMark[]): PageMark[] {
  const START_TO_START = 0;
  // A reading's own marks come in the article's order, which is the page's: check, sort only if not.
  for (let i = 1; i < marks.length; i++) {
    if ((marks[i - 1] as PageMark).range.compareBoundaryPoints(START_TO_START, (marks[i] as PageMark).range) > 0)
      return marks.sort((x, y) => x.range.compareBoundaryPoints(START_TO_START, y.range));
  }
  return marks;
}
