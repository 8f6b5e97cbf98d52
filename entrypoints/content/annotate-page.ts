import { extractArticle } from '../../src/article/extract';
import type { ArticleAnalysis } from '../../src/cast/types';
import { send } from '../../src/messaging/client';
import { MAX_ARTICLE_CHARS } from '../../src/messaging/protocol';
import { renderCard } from '../../src/page/card';
import cardCss from '../../src/page/card.css?inline';
import { type CardHost, createCardHost } from '../../src/page/card-host';
import { createHighlighter, type Highlighter } from '../../src/page/highlighter';
import { watchHover } from '../../src/page/hover';
import { locateMentions } from '../../src/page/locate';
import { snapshotDocument } from '../../src/page/snapshot';

/** Everything one annotation of the page put up, so it can all be taken down at once. */
export interface Annotation {
  analysis: ArticleAnalysis;
  highlighter: Highlighter;
  card: CardHost;
  stopHover: () => void;
  remove(): void;
}

/**
 * Reads the article (Readability on a copy), asks the background for its cast, and marks the
 * mentions in the live page. Returns null, having told the background why, when the page is not
 * an article.
 */
export async function annotatePage(win: Window): Promise<Annotation | null> {
  const doc = win.document;
  performance.mark('dramatis:start');
  const snapshot = snapshotDocument(doc);
  const outcome = extractArticle(snapshot.copy);
  performance.mark('dramatis:extracted');
  performance.measure('dramatis:readability', 'dramatis:start', 'dramatis:extracted');
  if (!outcome.ok) {
    await send({
      type: 'page-status',
      url: win.location.href,
      status: outcome.reason === 'not-article' ? 'not-article' : 'failed',
      detail: outcome.detail,
    });
    return null;
  }
  const { article } = outcome;
  if (article.text.length > MAX_ARTICLE_CHARS) {
    await send({
      type: 'page-status',
      url: win.location.href,
      status: 'too-large',
      detail: `${article.text.length} characters`,
    });
    return null;
  }
  const analysis = await send({
    type: 'analyze',
    url: win.location.href,
    title: article.title || doc.title,
    text: article.text,
    published: article.published,
  });
  performance.mark('dramatis:matched');
  performance.measure('dramatis:match', 'dramatis:extracted', 'dramatis:matched');

  const located = locateMentions(article.content, snapshot.live, analysis.mentions);
  const marks = located.map((l) => {
    const member = analysis.cast[(analysis.mentions[l.mention] as { member: number }).member];
    return { range: l.range, type: member?.type ?? 'person', member: member };
  });
  const highlighter = createHighlighter(win);
  highlighter.show(marks);
  performance.mark('dramatis:highlighted');
  performance.measure('dramatis:highlight', 'dramatis:matched', 'dramatis:highlighted');

  const card = createCardHost(win, cardCss);
  const stopHover = watchHover(
    win,
    marks.map((m) => m.range),
    (target) => {
      if (!target) return card.hoverEnd();
      const member = marks[target.mark]?.member;
      if (member) card.hoverStart(target.range, (d) => renderCard(d, member, article.published));
    },
    (el) => card.isOwnUi(el),
  );

  return {
    analysis,
    highlighter,
    card,
    stopHover,
    remove() {
      stopHover();
      card.destroy();
      highlighter.clear();
    },
  };
}
