import { el } from '../../src/page/dom';
import type { Settings, SettingsPatch } from '../../src/storage/settings';

type Save = (patch: SettingsPatch, done: string) => void;

/** A fieldset of radio buttons: a native group, so arrow keys move between the choices. */
function radios<V extends string>(
  doc: Document,
  name: string,
  legend: string,
  choices: readonly (readonly [V, string])[],
  current: V,
  onChange: (value: V) => void,
): HTMLFieldSetElement {
  const set = el(doc, 'fieldset', { class: 'choices' }, el(doc, 'legend', {}, legend));
  for (const [value, label] of choices) {
    const id = `${name}-${value}`;
    const input = el(doc, 'input', { type: 'radio', name, id, value });
    input.checked = value === current;
    input.addEventListener('change', () => {
      if (input.checked) onChange(value);
    });
    set.append(el(doc, 'div', { class: 'choice' }, input, el(doc, 'label', { for: id }, label)));
  }
  return set;
}

function checkbox(doc: Document, id: string, label: string, checked: boolean, onChange: (on: boolean) => void) {
  const input = el(doc, 'input', { type: 'checkbox', id });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el(doc, 'div', { class: 'choice' }, input, el(doc, 'label', { for: id }, label));
}

/** Pause, cards and highlights: every change is saved at once and reaches open pages live. */
export function renderDisplay(doc: Document, settings: Settings, save: Save): HTMLElement {
  const section = el(doc, 'section', { class: 'card', 'aria-labelledby': 'display-heading' });
  section.append(el(doc, 'h2', { id: 'display-heading' }, 'Reading and highlights'));

  section.append(
    checkbox(doc, 'paused', 'Pause Dramatis on every site', settings.paused, (paused) =>
      save({ paused }, paused ? 'Paused on every site.' : 'Resumed.'),
    ),
  );
  section.append(
    radios(
      doc,
      'open-cards',
      'Open a name’s card',
      [
        ['hover', 'When I rest the pointer on the name'],
        ['click', 'Only when I click the name'],
      ] as const,
      settings.openCards,
      (openCards) => save({ openCards }, 'Saved: how cards open.'),
    ),
  );
  section.append(
    radios(
      doc,
      'highlight-style',
      'Mark names in the article with',
      [
        ['underline', 'An underline'],
        ['background', 'A tinted background'],
        ['none', 'Nothing (cards still open on the names)'],
      ] as const,
      settings.highlightStyle,
      (highlightStyle) => save({ highlightStyle }, 'Saved: highlight style.'),
    ),
  );
  const types = el(doc, 'fieldset', { class: 'choices' }, el(doc, 'legend', {}, 'Mark these in the article'));
  const labels = { person: 'People', company: 'Companies', agency: 'Agencies' } as const;
  for (const type of ['person', 'company', 'agency'] as const) {
    types.append(
      checkbox(doc, `type-${type}`, labels[type], settings.highlightTypes[type], (on) =>
        save({ highlightTypes: { ...settings.highlightTypes, [type]: on } }, `Saved: ${labels[type].toLowerCase()}.`),
      ),
    );
  }
  section.append(types);
  return section;
}
