import type { CastMember } from '../../src/cast/types';
import { TOPIC_LABELS } from '../../src/dataset/topics';
import type { TabState } from '../../src/messaging/protocol';
import { el, formatDate } from '../../src/page/dom';

const GROUPS = [
  ['person', 'People'],
  ['company', 'Companies'],
  ['agency', 'Agencies'],
] as const;

const MESSAGES: Record<Exclude<TabState['status'], 'article'>, string> = {
  loading: 'Reading the page…',
  'not-article': 'This page does not look like an article, so Dramatis left it alone.',
  disabled: 'Dramatis is switched off for this site. Switch it on above to see the cast.',
  'too-large': 'This article is larger than Dramatis reads; it was left alone.',
  failed: 'Dramatis could not read this page.',
};

/** The popup's main view: the cast of the article, or why there is none. */
export function renderState(doc: Document, state: TabState, open: (id: string) => void): HTMLElement {
  const root = el(doc, 'div', { class: 'state', 'data-status': state.status });
  if (state.status !== 'article' || !state.analysis) {
    root.append(el(doc, 'p', { class: 'message' }, MESSAGES[state.status === 'article' ? 'loading' : state.status]));
    if (state.detail && state.status !== 'disabled') root.append(el(doc, 'p', { class: 'detail' }, state.detail));
    return root;
  }
  const { analysis } = state;
  root.append(el(doc, 'h2', { class: 'title' }, state.title ?? ''));
  if (state.published) root.append(el(doc, 'p', { class: 'date' }, `Published ${formatDate(state.published)}`));
  if (analysis.topics.length > 0) {
    const chips = el(doc, 'ul', { class: 'chips', 'aria-label': 'Topics' });
    for (const t of analysis.topics) chips.append(el(doc, 'li', { class: 'chip' }, TOPIC_LABELS[t]));
    root.append(chips);
  }
  if (analysis.cast.length === 0) {
    root.append(el(doc, 'p', { class: 'message' }, 'Nobody from the Dramatis dataset is named in this article.'));
    return root;
  }
  for (const [type, label] of GROUPS) {
    const members = analysis.cast.filter((m) => m.type === type);
    if (members.length === 0) continue;
    const section = el(doc, 'section', { class: 'group', 'data-type': type });
    section.append(el(doc, 'h3', {}, label));
    const list = el(doc, 'ul', { class: 'cast' });
    for (const m of members) list.append(castItem(doc, m, open));
    section.append(list);
    root.append(section);
  }
  return root;
}

function castItem(doc: Document, m: CastMember, open: (id: string) => void): HTMLElement {
  const button = el(doc, 'button', { type: 'button', class: 'member', 'data-id': m.id });
  const text = el(doc, 'span', { class: 'member__text' });
  text.append(el(doc, 'span', { class: 'member__name' }, m.name));
  if (m.roleThen) text.append(el(doc, 'span', { class: 'member__role' }, m.roleThen.label));
  button.append(
    text,
    el(doc, 'span', { class: 'member__count', title: 'Mentions in the article' }, String(m.mentions)),
  );
  button.setAttribute('aria-label', `${m.name}, ${m.mentions} mention${m.mentions === 1 ? '' : 's'}; open profile`);
  button.addEventListener('click', () => open(m.id));
  return el(doc, 'li', {}, button);
}
