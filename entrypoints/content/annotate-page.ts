import { SOURCE_INDEX_ATTR } from '../../src/article/extract';
import type { ArticleAnalysis } from '../../src/cast/types';
import { send } from '../../src/messaging/client';
import { MAX_ARTICLE_CHARS } from '../../src/messaging/protocol';
import { locateMentions } from '../../src/page/locate';
import { MARK, markPhase } from '../../src/page/timeline';
import type { PageMark } from './display';
import { readArticle } from './read-article';

/** One reading of the page: the article Readability found, its cast, and its mentions in the live page. */
export interface PageReading {
  url: string;
  /** The article's plain text, to tell a later reading that found nothing new. */
  text: string;
  analysis: ArticleAnalysis;
  /** The live elements the article was read from: late content inside them belongs to it. */
  roots: Element[];
  /** Marks in page order. */
  marks: PageMark[];
}

/**
 * Reads the article (Readability on a copy), asks the background for its cast, and finds the
 * mentions in the live page; nothing is painted yet. Returns null, having told the background
 * why, when the page is not an article. Sets the timeline marks up to `matched`; the caller
 * sets `highlighted` once the marks are painted.
 */
export async function readPage(win: Window): Promise<PageReading | null> {
  const doc = win.document;
  const perf = win.performance;
  const url = win.location.href;
  const { outcome, snapshot } = await readArticle(win);
  if (!outcome.ok) {
    await send({
      type: 'page-status',
      url,
      status: outcome.reason === 'not-article' ? 'not-article' : 'failed',
      detail: outcome.detail,
    });
    return null;
  }
  const { article } = outcome;
  if (article.text.length > MAX_ARTICLE_CHARS) {
    await send({ type: 'page-status', url, status: 'too-large', detail: `${article.text.length} characters` });
    return null;
  }
  // send() posts the request before its first await; what follows is waiting, not work.
  const answer = send({
    type: 'analyze',
    url,
    title: article.title || doc.title,
    text: article.text,
    published: article.published,
  });
  markPhase(perf, MARK.sent);
  const analysis = await answer;
  markPhase(perf, MARK.matched);

  const located = locateMentions(article.content, snapshot.live, analysis.mentions, article.text);
  const marks: PageMark[] = located.map((l) => {
    const memberIndex = (analysis.mentions[l.mention] as { member: number }).member;
    const member = analysis.cast[memberIndex];
    return {
      range: l.range,
      type: member?.type ?? 'person',
      member,
      memberIndex,
      published: article.published,
      topics: analysis.topics,
    };
  });
  return { url, text: article.text, analysis, roots: articleRoots(article.content, snapshot.live), marks };
}

/**
 * The live twins of the outermost elements of Readability's output that came from the page
 * (its own wrappers carry no source index and are looked through).
 */
export function articleRoots(content: Element, live: readonly Element[]): Element[] {
  const roots: Element[] = [];
  const stack: Element[] = [content];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    const index = el.getAttribute(SOURCE_INDEX_ATTR);
    const twin = index === null ? undefined : live[Number(index)];
    if (twin) roots.push(twin);
    else for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
  // Siblings Readability kept one by one share a parent: fewer, larger roots are cheaper to test.
  return roots.filter((r) => !roots.some((other) => other !== r && other.contains(r)));
}
