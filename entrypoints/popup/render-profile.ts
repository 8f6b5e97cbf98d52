import { formatRole, formatSpan, nameOn, roleOn, rolesInOrder } from '../../src/cast/roles';
import type { RoleView } from '../../src/cast/types';
import type { EntityFile, Role } from '../../src/dataset/schema';
import { TOPIC_LABELS, type Topic } from '../../src/dataset/topics';
import { el, formatDate, safeLink } from '../../src/page/dom';
import { renderStatements } from './statement-filter';

const TYPE_LABELS = { person: 'Person', company: 'Company', agency: 'Agency' } as const;

/**
 * One entity's details: its roles over time (the one held on the article's date marked), its
 * positions by topic (the article's topics first) and its statements, filterable by topic.
 */
export function renderProfile(
  doc: Document,
  e: EntityFile,
  published: string | null,
  articleTopics: readonly Topic[],
  back: () => void,
  /** The role the cast shows for the article's date, chosen with the article's words. */
  roleThen?: RoleView,
): HTMLElement {
  const root = el(doc, 'article', { class: 'profile', 'data-id': e.id, 'aria-labelledby': 'profile-name' });
  const backButton = el(doc, 'button', { type: 'button', class: 'back', 'aria-label': 'Back to the cast' }, '← Cast');
  backButton.addEventListener('click', back);
  const heading = el(doc, 'h2', { id: 'profile-name', tabindex: '-1' }, nameOn(e, published));
  root.append(backButton, heading, el(doc, 'p', { class: 'kind' }, TYPE_LABELS[e.type]));
  if (e.summary) root.append(el(doc, 'p', { class: 'summary' }, e.summary));

  const roles = rolesInOrder(e);
  if (roles.length > 0) {
    root.append(el(doc, 'h3', {}, 'Roles'));
    const fits = (r: Role) =>
      roleThen !== undefined && formatRole(r) === roleThen.label && formatSpan(r) === roleThen.span;
    const then = roles.find(fits) ?? roleOn(e, published);
    const list = el(doc, 'ol', { class: 'timeline', 'aria-label': 'Roles, newest first' });
    for (const r of [...roles].reverse()) {
      const item = el(doc, 'li', {}, el(doc, 'span', { class: 'span' }, formatSpan(r)), ` ${formatRole(r)}`);
      if (published && r === then) {
        item.classList.add('timeline__then');
        item.append(el(doc, 'span', { class: 'badge' }, `on ${formatDate(published)}`));
      }
      list.append(item);
    }
    root.append(list);
  }

  if (e.positions?.length) {
    root.append(el(doc, 'h3', {}, 'Positions by topic'));
    const inArticle = (t: Topic) => (articleTopics.includes(t) ? 0 : 1);
    for (const p of [...e.positions].sort((a, b) => inArticle(a.topic) - inArticle(b.topic))) {
      const block = el(doc, 'div', { class: 'position', 'data-topic': p.topic });
      block.append(el(doc, 'h4', {}, TOPIC_LABELS[p.topic]), el(doc, 'p', {}, p.summary));
      const sources = el(doc, 'p', { class: 'sources' }, 'Sources: ');
      p.sources.forEach((s, i) => {
        if (i > 0) sources.append(', ');
        sources.append(safeLink(doc, s.url, `${s.publisher}, ${formatDate(s.date)}`));
      });
      block.append(sources);
      root.append(block);
    }
  }

  if (e.statements?.length) root.append(renderStatements(doc, e.statements, articleTopics));
  return root;
}
