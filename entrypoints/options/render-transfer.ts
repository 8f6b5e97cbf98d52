import { el } from '../../src/page/dom';

export interface TransferActions {
  export(): void;
  import(file: File): void;
}

/** Saving the settings and site choices to a file, and reading them back (on another browser). */
export function renderTransfer(doc: Document, actions: TransferActions): HTMLElement {
  const section = el(doc, 'section', { class: 'card', 'aria-labelledby': 'transfer-heading' });
  section.append(el(doc, 'h2', { id: 'transfer-heading' }, 'Back up your settings'));
  section.append(
    el(
      doc,
      'p',
      {},
      'Save your settings and site choices to a file, or read them from one. Reading a file replaces the settings above; for each site, the more recent choice wins.',
    ),
  );
  const exportButton = el(doc, 'button', { type: 'button', id: 'export-settings' }, 'Save settings to a file');
  exportButton.addEventListener('click', () => actions.export());
  const input = el(doc, 'input', { type: 'file', id: 'settings-file', accept: '.json,application/json' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) actions.import(file);
    input.value = '';
  });
  section.append(
    exportButton,
    el(
      doc,
      'div',
      { class: 'file-row' },
      el(doc, 'label', { for: 'settings-file' }, 'Read settings from a file'),
      input,
    ),
    el(doc, 'div', { id: 'settings-errors', class: 'errors', role: 'alert' }),
  );
  return section;
}
