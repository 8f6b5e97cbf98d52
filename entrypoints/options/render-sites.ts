import type { SiteRow } from '../../src/messaging/protocol';
import { el, formatDate } from '../../src/page/dom';
import { NEWS_SITES } from '../../src/sites/news-sites';

export interface SiteActions {
  /** Forget the choice: a curated site is on again, any other off, its permission given back. */
  forget(host: string): void;
  /** Ask the browser for a site's permission (a site switched on by an imported settings file). */
  allow(host: string): void;
}

function stateOf(row: SiteRow): string {
  if (row.on && !row.access) return 'On, waiting for your permission';
  const by = row.choice ? 'by you' : 'by default';
  return `${row.on ? 'On' : 'Off'} ${by}`;
}

/** The sites switched on or off by hand, most recent first, each with a way to undo it. */
export function renderSites(doc: Document, rows: readonly SiteRow[], actions: SiteActions): HTMLElement {
  const section = el(doc, 'section', { class: 'card', 'aria-labelledby': 'sites-heading' });
  section.append(el(doc, 'h2', { id: 'sites-heading' }, 'Sites'));
  section.append(
    el(
      doc,
      'p',
      {},
      `Dramatis is on by default on ${NEWS_SITES.length} news sites. Anywhere else, switch it on from the toolbar popup: your browser then asks to let Dramatis read that one site.`,
    ),
  );
  const curated = el(doc, 'details', {}, el(doc, 'summary', {}, 'The news sites Dramatis reads by default'));
  curated.append(el(doc, 'p', { class: 'site-names' }, NEWS_SITES.join(', ')));
  section.append(curated);

  if (rows.length === 0) {
    section.append(el(doc, 'p', { class: 'empty' }, 'You have not switched any site on or off yet.'));
    return section;
  }
  const table = el(doc, 'table', { class: 'sites' });
  table.append(el(doc, 'caption', {}, 'Sites you switched on or off'));
  const head = el(doc, 'tr', {});
  for (const h of ['Site', 'Dramatis', 'Changed', 'Actions']) head.append(el(doc, 'th', { scope: 'col' }, h));
  table.append(el(doc, 'thead', {}, head));
  const body = el(doc, 'tbody', {});
  for (const row of rows) {
    const tr = el(doc, 'tr', { 'data-host': row.host });
    tr.append(el(doc, 'th', { scope: 'row' }, row.host));
    tr.append(el(doc, 'td', { class: 'site-state' }, stateOf(row)));
    const when = row.choice?.at ? formatDate(new Date(row.choice.at).toISOString().slice(0, 10)) : '—';
    tr.append(el(doc, 'td', {}, when));
    const cell = el(doc, 'td', { class: 'site-actions' });
    if (row.on && !row.access) {
      const allow = el(doc, 'button', { type: 'button', 'aria-label': `Allow Dramatis to read ${row.host}` }, 'Allow');
      allow.addEventListener('click', () => actions.allow(row.host));
      cell.append(allow);
    }
    if (row.choice || (!row.curated && row.access)) {
      const forget = el(
        doc,
        'button',
        { type: 'button', class: 'remove', 'aria-label': `Remove ${row.host} from the list` },
        'Remove',
      );
      forget.addEventListener('click', () => actions.forget(row.host));
      cell.append(forget);
    }
    tr.append(cell);
    body.append(tr);
  }
  table.append(body);
  section.append(table);
  return section;
}
