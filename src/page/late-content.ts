/** Added nodes that never carry article text. */
const INERT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'LINK', 'META', 'svg', 'SVG', 'IMG']);
/** Page furniture: text arriving here is not article text. */
const FURNITURE = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export interface LateContentRules {
  /** Our own nodes (the card's host, fallback marks): changes there are never late content. */
  isOwn(node: Node): boolean;
  /** The live elements the current reading of the article came from. */
  roots(): readonly Element[];
  /** New text inside the article's elements that calls for a new reading (a live-blog entry). */
  minTextInArticle?: number;
  /** New text elsewhere that may be an article of its own (infinite scroll). */
  minTextElsewhere?: number;
  /**
   * Asked before any batch is looked at. An extension that was reloaded or removed leaves its
   * content script behind without telling it; the page changing is a cheap moment to notice.
   */
  alive?: () => boolean;
}

/**
 * Whether a batch of mutations brought content worth reading again: enough new text inside the
 * article's elements, a large block of text elsewhere, or the article's elements replaced
 * (a framework re-rendering them). Our own UI, scripts, styles, page furniture and editable
 * areas never count.
 */
export function isLateContent(records: readonly MutationRecord[], rules: LateContentRules): boolean {
  const roots = rules.roots();
  if (roots.some((r) => !r.isConnected)) return true;
  const inArticleMin = rules.minTextInArticle ?? 40;
  const elsewhereMin = rules.minTextElsewhere ?? 400;
  let inArticle = 0;
  let elsewhere = 0;
  for (const record of records) {
    if (record.type !== 'childList' || record.addedNodes.length === 0) continue;
    const target = record.target;
    if (!target.isConnected || rules.isOwn(target)) continue;
    const parent = (target.nodeType === 1 ? target : target.parentElement) as Element | null;
    if (!parent || parent.closest(EDITABLE)) continue;
    const inRoot = roots.some((r) => r.contains(target));
    if (!inRoot && parent.closest(FURNITURE)) continue;
    let text = 0;
    for (const node of Array.from(record.addedNodes)) {
      if (rules.isOwn(node)) continue;
      if (node.nodeType === 1 && INERT_TAGS.has((node as Element).tagName)) continue;
      if (node.nodeType !== 1 && node.nodeType !== 3) continue;
      text += (node.textContent ?? '').trim().length;
    }
    if (inRoot) inArticle += text;
    else elsewhere += text;
    if (inArticle >= inArticleMin || elsewhere >= elsewhereMin) return true;
  }
  return false;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface ThrottleOptions {
  /** Quiet time after the last change before reading (a burst of inserts is read once). */
  settleMs?: number;
  /** A page that never stops changing is still read this long after its first change. */
  maxWaitMs?: number;
  /** At least this long between the starts of two readings. */
  minGapMs?: number;
  /** The longest the gap grows to while readings keep finding nothing new. */
  maxGapMs?: number;
}

/**
 * Runs `task` after changes settle, at most once per `minGapMs`, never two at once: a change
 * that arrives while the task runs schedules one more run after it.
 */
export function createThrottle(task: () => Promise<unknown> | undefined, clock: Clock, options: ThrottleOptions = {}) {
  const settle = options.settleMs ?? 400;
  const maxWait = options.maxWaitMs ?? 1500;
  const baseGap = options.minGapMs ?? 2000;
  const maxGap = options.maxGapMs ?? 30_000;
  let gap = baseGap;
  let timer = 0;
  let firstChange = -1;
  let lastRun = Number.NEGATIVE_INFINITY;
  let running = false;
  let again = false;
  let stopped = false;

  const run = () => {
    timer = 0;
    firstChange = -1;
    lastRun = clock.now();
    running = true;
    Promise.resolve()
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again && !stopped) {
          again = false;
          changed();
        }
      });
  };

  function changed() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const now = clock.now();
    if (firstChange < 0) firstChange = now;
    const due = Math.max(Math.min(now + settle, firstChange + maxWait), lastRun + gap);
    if (timer) clock.clearTimeout(timer);
    timer = clock.setTimeout(run, Math.max(0, due - now));
  }

  return {
    changed,
    /** Forget pending changes (the page was read for another reason). */
    cancel() {
      if (timer) clock.clearTimeout(timer);
      timer = 0;
      firstChange = -1;
      again = false;
    },
    /** The last reading found nothing new: wait twice as long before the next (up to maxGapMs). */
    slower() {
      gap = Math.min(maxGap, gap * 2);
    },
    /** It found something: back to the normal pace. */
    sooner() {
      gap = baseGap;
    },
    stop() {
      stopped = true;
      this.cancel();
    },
  };
}

export interface LateContentWatch {
  /** Runs `write` (our own DOM changes) and drops the mutations it made, so they are never read as news. */
  quietly<T>(write: () => T): T;
  /** Whether the last reading of late content found something new; a page that keeps changing
   * without news (tickers, rotating teasers) is read less and less often. */
  found(news: boolean): void;
  stop(): void;
}

/** Watches the page for late content and calls `onLateContent` (throttled) when some arrives. */
export function watchLateContent(
  doc: Document,
  rules: LateContentRules,
  onLateContent: () => Promise<unknown> | undefined,
  clock: Clock,
  options: ThrottleOptions = {},
): LateContentWatch {
  const throttle = createThrottle(onLateContent, clock, options);
  const MutationObserverCtor = doc.defaultView?.MutationObserver;
  const found = (news: boolean) => (news ? throttle.sooner() : throttle.slower());
  if (!MutationObserverCtor) return { quietly: (write) => write(), found, stop: () => throttle.stop() };
  const consider = (records: MutationRecord[]) => {
    if (records.length === 0 || (rules.alive && !rules.alive())) return;
    if (isLateContent(records, rules)) throttle.changed();
  };
  const observer = new MutationObserverCtor(consider);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return {
    quietly(write) {
      // The page's own pending changes are looked at first; only what `write` does is dropped.
      consider(observer.takeRecords());
      try {
        return write();
      } finally {
        observer.takeRecords();
      }
    },
    found,
    stop() {
      observer.disconnect();
      throttle.stop();
    },
  };
}
