/**
 * The content script's timeline, named once. Each reading of the page sets these marks and
 * measures on the page's performance timeline, where the sweep (and DevTools) read them.
 */
export const MARK = {
  start: 'dramatis:start',
  snapshotted: 'dramatis:snapshotted',
  extracted: 'dramatis:extracted',
  matched: 'dramatis:matched',
  highlighted: 'dramatis:highlighted',
} as const;

/** Each measure spans two marks: [name, from, to]. */
export const MEASURES = [
  /** Copying the page and tagging the copy (Readability needs a copy it may take apart). */
  ['dramatis:snapshot', MARK.start, MARK.snapshotted],
  /** Readability's parse of the copy, with the date read first. */
  ['dramatis:readability', MARK.snapshotted, MARK.extracted],
  /** The round trip to the background worker, which matches the article's text. */
  ['dramatis:match', MARK.extracted, MARK.matched],
  /** Finding the mentions in the live page, painting them and wiring hover. */
  ['dramatis:highlight', MARK.matched, MARK.highlighted],
] as const;

export type MeasureName = (typeof MEASURES)[number][0];

/** Sets `mark`, and closes every measure that ends on it. */
export function markPhase(perf: Performance, mark: (typeof MARK)[keyof typeof MARK]): void {
  perf.mark(mark);
  for (const [name, from, to] of MEASURES) if (to === mark) perf.measure(name, from, to);
}
