/**
 * The content script's timeline, named once. Each reading of the page sets these marks and
 * measures on the page's performance timeline, where the sweep (and DevTools) read them.
 */
export const MARK = {
  start: 'dramatis:start',
  snapshotted: 'dramatis:snapshotted',
  /** Readability starts, after the page has had a turn (see yieldToPage). */
  parsing: 'dramatis:parsing',
  extracted: 'dramatis:extracted',
  /** A page parsed off its thread (see parse-elsewhere.ts): the copy is handed over... */
  handedOff: 'dramatis:handed-off',
  /** ...and its article is back; detail: { parseMs, workMs } as measured where it ran. */
  parsedElsewhere: 'dramatis:parsed-elsewhere',
  /** The article's text is handed to the browser for the worker; the page is free until the answer. */
  sent: 'dramatis:sent',
  matched: 'dramatis:matched',
  highlighted: 'dramatis:highlighted',
} as const;

/** Each measure spans two marks: [name, from, to]. */
export const MEASURES = [
  /** Copying the page and tagging the copy (Readability needs a copy it may take apart), the
   *  readability gate, the date, and the furniture outside the page's one <article> removed. */
  ['dramatis:snapshot', MARK.start, MARK.snapshotted],
  /** Readability's parse of the prepared copy; for a page parsed elsewhere, the whole span. */
  ['dramatis:readability', MARK.parsing, MARK.extracted],
  /** A page parsed elsewhere: the wait, when the page's thread is free (not our work here). */
  ['dramatis:parse-wait', MARK.handedOff, MARK.parsedElsewhere],
  /** Handing the article's text over: the part of the round trip that runs on the page's thread. */
  ['dramatis:send', MARK.extracted, MARK.sent],
  /** The round trip to the background worker, which matches the article's text. */
  ['dramatis:match', MARK.extracted, MARK.matched],
  /** Finding the mentions in the live page, painting them and wiring hover. */
  ['dramatis:highlight', MARK.matched, MARK.highlighted],
] as const;

export type MeasureName = (typeof MEASURES)[number][0];

/**
 * Lets the page run whatever is waiting (input, its own scripts) before the next long step, so
 * copying the page and parsing it are two tasks rather than one. scheduler.yield() keeps our
 * place in the queue where the browser has it.
 */
export function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** Sets `mark`, and closes every measure that ends on it. */
export function markPhase(perf: Performance, mark: (typeof MARK)[keyof typeof MARK], detail?: unknown): void {
  perf.mark(mark, detail === undefined ? undefined : { detail });
  for (const [name, from, to] of MEASURES) if (to === mark) perf.measure(name, from, to);
}

/**
 * The background worker's measure of matching one article (detail: the page's address), on the
 * worker's own timeline: the part of a page's cost that runs outside the page.
 */
export const WORKER_MEASURE = 'dramatis:analyze';
