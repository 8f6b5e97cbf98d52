import type { Readability } from '@mozilla/readability';

interface BylineInternals {
  _isValidByline?: (node: Element, matchString: string) => boolean;
  REGEXPS?: { byline?: unknown };
}

interface VisibilityInternals {
  _isProbablyVisible?: (node: Element) => boolean;
}

/** Readability's parse, made cheaper where the answer provably stays the same. */
export function speedUpReadability(reader: Readability<unknown>): void {
  checkBylinesCheaply(reader);
  checkVisibilityCheaply(reader);
}

/**
 * Readability (0.6.0) measures the trimmed text of every element it visits, while it has no
 * byline yet, before asking whether the element could be a byline at all (rel="author", an
 * author itemprop, or a byline-like class or id). On a long page without a byline that reads
 * each element's whole subtree: on the slowest pages of the test corpus it was a third of the
 * parse. The same test, asked cheapest part first, gives the same answer for every element.
 *
 * Applied only when the internals look exactly as expected; otherwise Readability runs as is.
 */
function checkBylinesCheaply(reader: Readability<unknown>): void {
  const internals = reader as unknown as BylineInternals;
  const byline = internals.REGEXPS?.byline;
  // A global or sticky pattern keeps state between test() calls: skipping calls would change it.
  if (typeof internals._isValidByline !== 'function' || !(byline instanceof RegExp)) return;
  if (byline.global || byline.sticky || internals._isValidByline.length !== 2) return;
  internals._isValidByline = (node, matchString) => {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    const couldBe = rel === 'author' || Boolean(itemprop?.includes('author')) || byline.test(matchString);
    if (!couldBe) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  };
}

/**
 * Readability asks every element it visits for its inline display and visibility, which makes
 * the browser build a style object per element. In the copy it parses (a document without a
 * window, so no style sheets apply) an element without `style`, `hidden` or `aria-hidden`
 * attributes is visible by every one of Readability's tests; only the others are asked.
 */
function checkVisibilityCheaply(reader: Readability<unknown>): void {
  const internals = reader as unknown as VisibilityInternals;
  const original = internals._isProbablyVisible;
  if (typeof original !== 'function' || original.length !== 1) return;
  internals._isProbablyVisible = (node) =>
    (!node.hasAttribute('style') && !node.hasAttribute('hidden') && !node.hasAttribute('aria-hidden')) ||
    original.call(reader, node);
}
