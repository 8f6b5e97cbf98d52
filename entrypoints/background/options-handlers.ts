import type { Engine } from '../../src/analysis/engine';
import type { OptionsView, RequestOf, Responses, SiteRow } from '../../src/messaging/protocol';
import { needsOwnPermission } from '../../src/sites/origins';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { applyPatch } from '../../src/storage/settings';
import { exportSettingsFile, mergeSiteChoices, parseSettingsFile } from '../../src/storage/settings-file';
import type { Services } from './services';

type OptionsTypes =
  | 'set-site'
  | 'forget-site'
  | 'get-options'
  | 'update-settings'
  | 'import-dataset'
  | 'remove-dataset'
  | 'export-settings'
  | 'import-settings';

/** The settings side of the message contract: per-site choices, display settings, the personal dataset. */
export function createOptionsHandlers(
  services: Services,
  engine: () => Engine | Promise<Engine>,
): { [T in OptionsTypes]: (req: RequestOf<T>) => Promise<Responses[T]> } {
  const { access } = services;
  const dataset = () => {
    if (!services.dataset) throw new Error('personal datasets are not available here');
    return services.dataset;
  };

  async function siteRows(): Promise<SiteRow[]> {
    const [choices, granted] = await Promise.all([services.readChoices(), access.grantedSites()]);
    const hosts = new Set([...Object.keys(choices), ...granted.keys()]);
    const rows = [...hosts].map((host) => {
      const curated = !needsOwnPermission(host);
      return {
        host,
        choice: choices[host] ?? null,
        on: isSiteEnabled(host, choices),
        curated,
        access: curated || granted.has(host),
      };
    });
    // The most recent choices first; equal times (choices kept from version 1) by name.
    return rows.sort((a, b) => (b.choice?.at ?? 0) - (a.choice?.at ?? 0) || a.host.localeCompare(b.host));
  }

  return {
    async 'set-site'(req) {
      if (req.enabled) await access.switchOn(req.host, req.tabId);
      else await access.switchOff(req.host);
      return { host: req.host, enabled: req.enabled };
    },

    async 'forget-site'(req) {
      await access.forget(req.host);
      return null;
    },

    async 'get-options'() {
      const [settings, sites, personal, repaired, e] = await Promise.all([
        services.readSettings(),
        siteRows(),
        services.dataset ? services.dataset.info() : Promise.resolve(null),
        services.repairNotes(),
        engine(),
      ]);
      const view: OptionsView = {
        settings,
        sites,
        personal,
        bundled: { count: e.dataset.entities.length - (personal?.added.length ?? 0), asOf: e.dataset.asOf },
        repaired,
      };
      return view;
    },

    async 'update-settings'(req) {
      return services.updateSettings((current) => applyPatch(current, req.patch));
    },

    async 'import-dataset'(req) {
      return dataset().import(req.fileName, req.text);
    },

    async 'remove-dataset'() {
      await dataset().remove();
      return null;
    },

    async 'export-settings'() {
      const [settings, choices] = await Promise.all([services.readSettings(), services.readChoices()]);
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `dramatis-settings-${day}.json`, text: exportSettingsFile(settings, choices) };
    },

    async 'import-settings'(req) {
      const parsed = parseSettingsFile(req.fileName, req.text);
      if (!parsed.ok) return { applied: false, errors: parsed.errors, sitesNeedingAccess: [] };
      const { file } = parsed;
      const before = await services.readSettings();
      await services.updateSettings(() => file.settings);
      let choices: Awaited<ReturnType<Services['readChoices']>>;
      try {
        choices = await services.updateChoices((current) => mergeSiteChoices(current, file.sites));
      } catch (err) {
        // All or nothing: the settings go back to what they were.
        await services.updateSettings(() => before).catch(() => undefined);
        throw err;
      }
      await access.sync();
      // Permissions cannot be granted from a file: the person allows each such site in the list.
      const granted = await access.grantedSites();
      const sitesNeedingAccess = Object.entries(choices)
        .filter(([host, c]) => c.on && needsOwnPermission(host) && !granted.has(host))
        .map(([host]) => host)
        .sort();
      return { applied: true, errors: [], sitesNeedingAccess };
    },
  };
}
