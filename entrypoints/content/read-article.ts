import {
  type ExtractOutcome,
  type PreparedCopy,
  parseArticle,
  parseFirstAttempt,
  prepareCopy,
} from '../../src/article/extract';
import { listCopy, outcomeFromElsewhere, readParsed } from '../../src/article/parse-elsewhere';
import { send } from '../../src/messaging/client';
import { MAX_COPY_CHARS } from '../../src/messaging/protocol';
import { type Snapshot, snapshotDocument } from '../../src/page/snapshot';
import { MARK, markPhase, yieldToPage } from '../../src/page/timeline';

/**
 * From this many elements, Readability's parse takes longer than a frame's budget on a typical
 * laptop (in the corpus sweep, every page over 8,000 elements took 60–600 ms), so such a page
 * is parsed off its thread from the start.
 */
export const PARSE_ELSEWHERE_ELEMENTS = 3000;

export interface ArticleReading {
  outcome: ExtractOutcome;
  /** The copy the outcome's elements point into (a retry reads the page afresh). */
  snapshot: Snapshot;
}

/**
 * Reads the page's article with Readability, in tasks short enough to leave the page
 * responsive: the copy, then the parse. Big pages, and pages on which Readability's first
 * attempt finds too little (it would start over up to three times), are parsed elsewhere.
 */
export async function readArticle(win: Window): Promise<ArticleReading> {
  const perf = win.performance;
  markPhase(perf, MARK.start);
  let snapshot = snapshotDocument(win.document);
  const big = snapshot.live.length >= PARSE_ELSEWHERE_ELEMENTS;
  // Two tasks: on a page of 10,000 elements each takes 10–20 ms.
  if (big) await yieldToPage(win);
  const prepared = prepareCopy(snapshot.copy);
  markPhase(perf, MARK.snapshotted);
  if (!('doc' in prepared)) {
    markPhase(perf, MARK.parsing);
    markPhase(perf, MARK.extracted);
    return { outcome: prepared, snapshot };
  }
  await yieldToPage(win);
  markPhase(perf, MARK.parsing);
  let outcome: ExtractOutcome;
  if (big) {
    outcome = await parseElsewhere(win, prepared);
  } else {
    const first = parseFirstAttempt(prepared);
    if (first.ok || first.reason !== 'more-attempts') {
      outcome = first;
    } else {
      // Readability has taken that copy apart: the attempts to come start from a fresh one.
      await yieldToPage(win);
      snapshot = snapshotDocument(win.document);
      const again = prepareCopy(snapshot.copy);
      if ('doc' in again) {
        await yieldToPage(win);
        outcome = await parseElsewhere(win, again);
      } else outcome = again;
    }
  }
  markPhase(perf, MARK.extracted);
  return { outcome, snapshot };
}

/** The whole parse in an extension document; where that cannot be had, here after all. */
async function parseElsewhere(win: Window, prepared: PreparedCopy): Promise<ExtractOutcome> {
  const perf = win.performance;
  const copy = await listCopy(prepared, () => yieldToPage(win));
  if (copy.length > MAX_COPY_CHARS) return parseArticle(prepared);
  // send() posts the copy before its first await; from here the page's thread is free.
  const reply = send({ type: 'parse-copy', url: win.location.href, copy });
  markPhase(perf, MARK.handedOff);
  try {
    const parsed = readParsed(await reply);
    markPhase(perf, MARK.parsedElsewhere, { parseMs: parsed.parseMs, workMs: parsed.workMs });
    return outcomeFromElsewhere(parsed, prepared.doc);
  } catch (err) {
    markPhase(perf, MARK.parsedElsewhere, { parseMs: 0, workMs: 0, failed: (err as Error).message });
    // listCopy left the copy as it was: Readability can still have it.
    return parseArticle(prepared);
  }
}
