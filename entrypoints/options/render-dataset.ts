import type { OptionsView } from '../../src/messaging/protocol';
import { el, formatDate } from '../../src/page/dom';

export interface DatasetActions {
  import(file: File): void;
  remove(): void;
}

/** The personal dataset: what is imported, a file picker, and the errors of a rejected file. */
export function renderDataset(doc: Document, view: OptionsView, actions: DatasetActions): HTMLElement {
  const section = el(doc, 'section', { class: 'card', 'aria-labelledby': 'dataset-heading' });
  section.append(el(doc, 'h2', { id: 'dataset-heading' }, 'Your own dataset'));
  section.append(
    el(
      doc,
      'p',
      {},
      `Dramatis ships with ${view.bundled.count} people, companies and agencies (statements up to ${formatDate(view.bundled.asOf)}). You can add your own, or correct an entry, with a JSON file in the same format as the bundled entity files: one entity, a list of them, or { "entities": [...] }. An entity with the id of a bundled one replaces it. The file stays in this browser.`,
    ),
  );
  const status = el(doc, 'div', { class: 'dataset-status', id: 'dataset-status' });
  if (view.personal) {
    const p = view.personal;
    const parts = [`${p.count} ${p.count === 1 ? 'entity' : 'entities'}`];
    if (p.added.length) parts.push(`${p.added.length} added`);
    if (p.replaced.length) parts.push(`${p.replaced.length} replacing bundled ones (${p.replaced.join(', ')})`);
    status.append(
      el(
        doc,
        'p',
        {},
        el(doc, 'strong', {}, p.fileName),
        `: ${parts.join(', ')}; imported ${formatDate(new Date(p.importedAt).toISOString().slice(0, 10))}.`,
      ),
    );
    const remove = el(doc, 'button', { type: 'button', id: 'remove-dataset' }, 'Remove this dataset');
    remove.addEventListener('click', () => actions.remove());
    status.append(remove);
  } else {
    status.append(el(doc, 'p', {}, 'No dataset of your own is imported.'));
  }
  section.append(status);

  const input = el(doc, 'input', { type: 'file', id: 'dataset-file', accept: '.json,application/json' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) actions.import(file);
    input.value = '';
  });
  section.append(
    el(
      doc,
      'div',
      { class: 'file-row' },
      el(doc, 'label', { for: 'dataset-file' }, 'Import a dataset file (.json)'),
      input,
    ),
  );
  section.append(el(doc, 'div', { id: 'dataset-errors', class: 'errors', role: 'alert' }));
  return section;
}
