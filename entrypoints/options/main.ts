import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import { MAX_FILE_CHARS, type OptionsView } from '../../src/messaging/protocol';
import { el } from '../../src/page/dom';
import { sitePatterns } from '../../src/sites/origins';
import type { SettingsPatch } from '../../src/storage/settings';
import { createFeedback, errorText } from './feedback';
import { renderDataset } from './render-dataset';
import { renderDisplay } from './render-display';
import { renderSites } from './render-sites';
import { renderTransfer } from './render-transfer';

const sections = document.getElementById('sections') as HTMLElement;
const feedback = createFeedback(document);
/** Errors listed under a control; a long list is cut with a count of the rest. */
const MAX_LISTED = 40;

function listErrors(regionId: string, title: string, errors: readonly string[]) {
  const region = document.getElementById(regionId);
  if (!region) return;
  if (errors.length === 0) {
    region.replaceChildren();
    return;
  }
  const list = el(document, 'ul', {});
  for (const e of errors.slice(0, MAX_LISTED)) list.append(el(document, 'li', {}, e));
  if (errors.length > MAX_LISTED) list.append(el(document, 'li', {}, `…and ${errors.length - MAX_LISTED} more`));
  region.replaceChildren(el(document, 'p', {}, title), list);
}

async function readFile(file: File): Promise<string> {
  if (file.size > MAX_FILE_CHARS) throw new Error(`${file.name}: is too large (${(file.size / 1e6).toFixed(1)} MB)`);
  return file.text();
}

async function render(): Promise<void> {
  const view: OptionsView = await send({ type: 'get-options' });
  const save = (patch: SettingsPatch, done: string) => {
    send({ type: 'update-settings', patch }).then(
      (settings) => {
        // Later changes build on what was stored, without redrawing (focus stays where it is).
        Object.assign(view.settings, settings);
        feedback.saved(done);
      },
      (err: unknown) => {
        feedback.problem(errorText(err));
        void render();
      },
    );
  };
  const focused = document.activeElement?.id;
  sections.replaceChildren(
    renderDisplay(document, view.settings, save),
    renderSites(document, view.sites, {
      forget: (host) =>
        void send({ type: 'forget-site', host }).then(
          () => render().then(() => feedback.saved(`Removed ${host}; it follows its default again.`)),
          (err: unknown) => feedback.problem(errorText(err)),
        ),
      allow: (host) => {
        // First thing in the click: the browser only asks while handling the person's gesture.
        void browser.permissions
          .request({ origins: sitePatterns(host) })
          .then((granted) => {
            if (!granted) throw new Error(`The browser did not grant access to ${host}.`);
            return send({ type: 'set-site', host, enabled: true });
          })
          .then(
            () => render().then(() => feedback.saved(`Dramatis may now read ${host}.`)),
            (err: unknown) => feedback.problem(errorText(err)),
          );
      },
    }),
    renderDataset(document, view, {
      import: (file) =>
        void readFile(file)
          .then((text) => send({ type: 'import-dataset', fileName: file.name, text }))
          .then(async (result) => {
            if (!result.ok) {
              feedback.problem(`${file.name} was not imported; nothing was changed.`);
              listErrors('dataset-errors', `${result.errors.length} problem(s) found:`, result.errors);
              return;
            }
            await render();
            const { info } = result;
            feedback.saved(
              `Imported ${info.fileName}: ${info.count} entities (${info.added.length} added, ${info.replaced.length} replacing bundled ones).`,
            );
          })
          .catch((err: unknown) => feedback.problem(errorText(err))),
      remove: () =>
        void send({ type: 'remove-dataset' }).then(
          () => render().then(() => feedback.saved('Removed your dataset; only the bundled data is used.')),
          (err: unknown) => feedback.problem(errorText(err)),
        ),
    }),
    renderTransfer(document, {
      export: () =>
        void send({ type: 'export-settings' }).then(
          ({ fileName, text }) => {
            const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
            const link = el(document, 'a', { href: url, download: fileName });
            link.click();
            window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
            feedback.saved(`Saved ${fileName}.`);
          },
          (err: unknown) => feedback.problem(errorText(err)),
        ),
      import: (file) =>
        void readFile(file)
          .then((text) => send({ type: 'import-settings', fileName: file.name, text }))
          .then(async (result) => {
            if (!result.applied) {
              feedback.problem(`${file.name} was not read; nothing was changed.`);
              listErrors('settings-errors', `${result.errors.length} problem(s) found:`, result.errors);
              return;
            }
            await render();
            const waiting = result.sitesNeedingAccess;
            feedback.saved(
              waiting.length
                ? `Read ${file.name}. To read ${waiting.join(', ')} again, press Allow next to each in the site list.`
                : `Read ${file.name}: your settings are restored.`,
            );
          })
          .catch((err: unknown) => feedback.problem(errorText(err))),
    }),
  );
  if (view.repaired.length > 0) {
    feedback.problem(
      `Some stored settings could not be read and were reset to their defaults: ${view.repaired.join(', ')}. Everything else was kept.`,
    );
  }
  if (focused) document.getElementById(focused)?.focus();
}

render().catch((err: unknown) => {
  sections.replaceChildren(el(document, 'p', {}, `Something went wrong: ${errorText(err)}`));
});
