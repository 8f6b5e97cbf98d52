import type { Statement } from '../../src/dataset/schema';
import { TOPIC_LABELS, TOPICS, type Topic } from '../../src/dataset/topics';
import { el, formatDate, safeLink } from '../../src/page/dom';

/**
 * Statements with a row of topic filters. The filters are toggle buttons (aria-pressed) in one
 * labelled group; choosing one shows only the statements on that topic and says how many.
 */
export function renderStatements(doc: Document, statements: readonly Statement[], articleTopics: readonly Topic[]) {
  const section = el(doc, 'section', { class: 'statements', 'aria-labelledby': 'statements-heading' });
  section.append(el(doc, 'h3', { id: 'statements-heading' }, 'Statements'));
  const sorted = [...statements].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const counts = new Map<Topic, number>();
  for (const s of sorted) for (const t of s.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  // The article's topics first, then the fixed order of the topic list.
  const topics = TOPICS.filter((t) => counts.has(t)).sort(
    (a, b) => Number(!articleTopics.includes(a)) - Number(!articleTopics.includes(b)),
  );

  const filters = el(doc, 'div', { class: 'filters', role: 'group', 'aria-label': 'Show statements on a topic' });
  const summary = el(doc, 'p', { class: 'filter-summary', role: 'status' });
  const list = el(doc, 'ul', { class: 'quotes' });
  const items = sorted.map((s) => {
    const item = el(doc, 'li', { 'data-topics': s.topics.join(' ') }, el(doc, 'q', {}, s.quote));
    const cite = el(doc, 'p', { class: 'cite' }, `${formatDate(s.date)} · `);
    cite.append(safeLink(doc, s.url, `${s.publisher}: ${s.title}`));
    item.append(cite);
    list.append(item);
    return { item, topics: s.topics };
  });

  const buttons: HTMLButtonElement[] = [];
  const choose = (topic: Topic | null) => {
    let shown = 0;
    for (const { item, topics: t } of items) {
      item.hidden = topic !== null && !t.includes(topic);
      if (!item.hidden) shown++;
    }
    for (const b of buttons) b.setAttribute('aria-pressed', String((b.dataset.topic || null) === topic));
    summary.textContent = topic
      ? `${shown} of ${items.length} statements on ${TOPIC_LABELS[topic].toLowerCase()}`
      : `All ${items.length} statements`;
  };
  const addButton = (topic: Topic | null, label: string) => {
    const b = el(doc, 'button', { type: 'button', class: 'filter', 'data-topic': topic ?? '' }, label);
    b.addEventListener('click', () => choose(topic));
    buttons.push(b);
    filters.append(b);
  };
  if (topics.length > 1) {
    addButton(null, `All (${items.length})`);
    for (const t of topics) addButton(t, `${TOPIC_LABELS[t]} (${counts.get(t)})`);
    section.append(filters);
  }
  section.append(summary, list);
  choose(null);
  return section;
}
