import { TOPIC_LABELS } from '../../src/dataset/topics';
import type { TabState } from '../../src/messaging/protocol';
import { el, formatDate } from '../../src/page/dom';
import { type CastActions, renderCast } from './render-cast';

export interface StateActions extends CastActions {
  copy(button: HTMLButtonElement): void;
  resume(): void;
}

/** Why there is no cast to show, in the person's terms. */
function messageFor(state: TabState): string {
  switch (state.status) {
    case 'loading':
      return 'Reading the page…';
    case 'paused':
      return 'Dramatis is paused on every site.';
    case 'not-article':
      return state.host
        ? 'This page does not look like a news article, so Dramatis left it alone.'
        : 'Dramatis reads news articles on web pages; this tab does not show one.';
    case 'disabled':
      if (!state.curated && !state.access)
        return `Dramatis is off for ${state.host}. Switch it on above to read this page: your browser will ask to let Dramatis read ${state.host}, and no other site.`;
      return `Dramatis is switched off for ${state.host}. Switch it on above to see the cast.`;
    case 'too-large':
      return 'This article is larger than Dramatis reads; it was left alone.';
    case 'failed':
      return 'Dramatis could not read this page.';
    default:
      return 'Reading the page…';
  }
}

/** The popup's main view: the cast of the article, or why there is none. */
export function renderState(doc: Document, state: TabState, actions: StateActions): HTMLElement {
  const status = state.status === 'article' && !state.analysis ? 'loading' : state.status;
  const root = el(doc, 'div', { class: 'state', 'data-status': status });
  if (status !== 'article' || !state.analysis) {
    root.append(el(doc, 'p', { class: 'message' }, messageFor({ ...state, status })));
    if (status === 'loading') root.setAttribute('aria-busy', 'true');
    if (status === 'paused') {
      const resume = el(doc, 'button', { type: 'button', class: 'action' }, 'Resume Dramatis');
      resume.addEventListener('click', () => actions.resume());
      root.append(resume);
    }
    if (state.detail && status !== 'disabled' && status !== 'paused')
      root.append(el(doc, 'p', { class: 'detail' }, state.detail));
    return root;
  }
  const { analysis } = state;
  root.append(el(doc, 'h2', { class: 'title' }, state.title ?? ''));
  if (state.published) root.append(el(doc, 'p', { class: 'date' }, `Published ${formatDate(state.published)}`));
  if (analysis.topics.length > 0) {
    const chips = el(doc, 'ul', { class: 'chips', 'aria-label': 'Topics of the article' });
    for (const t of analysis.topics) chips.append(el(doc, 'li', { class: 'chip' }, TOPIC_LABELS[t]));
    root.append(chips);
  }
  if (analysis.cast.length === 0) {
    root.setAttribute('data-status', 'empty');
    root.append(el(doc, 'p', { class: 'message' }, 'Nobody from the Dramatis dataset is named in this article.'));
    return root;
  }
  const copy = el(doc, 'button', { type: 'button', class: 'action copy' }, 'Copy cast as Markdown');
  copy.addEventListener('click', () => actions.copy(copy));
  root.append(renderCast(doc, analysis, state.published, actions), copy);
  return root;
}
