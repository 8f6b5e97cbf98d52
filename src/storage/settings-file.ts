import * as v from 'valibot';
import { describeIssue } from '../dataset/schema';
import { HIGHLIGHT_STYLES, OPEN_CARDS, type Settings } from './settings';
import { isSiteKey, type SiteChoices } from './site-choices';

/** The file the options page exports and imports: display settings and per-site choices. */
export const SETTINGS_FILE_FORMAT = 'dramatis-settings';
export const SETTINGS_FILE_VERSION = 1;

const SettingsFileSchema = v.strictObject({
  format: v.literal(SETTINGS_FILE_FORMAT, `must be "${SETTINGS_FILE_FORMAT}"`),
  version: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(SETTINGS_FILE_VERSION, 'is newer than this version of Dramatis'),
  ),
  exportedAt: v.optional(v.string()),
  settings: v.strictObject({
    openCards: v.picklist(OPEN_CARDS, `must be one of: ${OPEN_CARDS.join(', ')}`),
    highlightStyle: v.picklist(HIGHLIGHT_STYLES, `must be one of: ${HIGHLIGHT_STYLES.join(', ')}`),
    highlightTypes: v.strictObject({ person: v.boolean(), company: v.boolean(), agency: v.boolean() }),
    paused: v.boolean(),
  }),
  sites: v.record(
    v.pipe(v.string(), v.check(isSiteKey, 'is not a site name')),
    v.strictObject({ on: v.boolean(), at: v.pipe(v.number(), v.minValue(0)) }),
  ),
});

export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>;

export function exportSettingsFile(settings: Settings, sites: SiteChoices, now = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings,
    sites,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Checks a whole settings file; any error means nothing from it is applied. */
export function parseSettingsFile(
  fileName: string,
  text: string,
): { ok: true; file: SettingsFile } | { ok: false; errors: string[] } {
  const name = fileName.trim() || 'the file';
  if (text.length > 1_000_000) return { ok: false, errors: [`${name}: is too large for a settings file`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`${name}: is not valid JSON (${(err as Error).message})`] };
  }
  const parsed = v.safeParse(SettingsFileSchema, json);
  if (parsed.success) return { ok: true, file: parsed.output };
  return { ok: false, errors: parsed.issues.map((issue) => `${name}: ${describeIssue(issue)}`) };
}

/** Per site, the newer choice wins; a choice only in one of them is kept. */
export function mergeSiteChoices(current: SiteChoices, incoming: SiteChoices): SiteChoices {
  const out: SiteChoices = { ...current };
  for (const [host, choice] of Object.entries(incoming)) {
    const mine = out[host];
    if (!mine || choice.at >= mine.at) out[host] = { ...choice };
  }
  return out;
}
