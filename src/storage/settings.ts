import * as v from 'valibot';
import type { EntityType } from '../dataset/schema';

/**
 * The person's display settings. Every field has a default, so a missing or unreadable field is
 * replaced on its own and the readable ones are kept (see repairSettings).
 */
export interface Settings {
  /** Open a name's card when the pointer rests on it, or only when it is clicked. */
  openCards: 'hover' | 'click';
  /** How mentions are painted in the page; "none" paints nothing but cards still open. */
  highlightStyle: 'underline' | 'background' | 'none';
  /** Which kinds of entity are marked in the page at all. */
  highlightTypes: Record<EntityType, boolean>;
  /** Global pause: Dramatis reads no page anywhere until resumed. */
  paused: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  openCards: 'hover',
  highlightStyle: 'underline',
  highlightTypes: Object.freeze({ person: true, company: true, agency: true }),
  paused: false,
}) as Settings;

export const OPEN_CARDS = ['hover', 'click'] as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;

const FIELDS = {
  openCards: v.picklist(OPEN_CARDS),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  highlightTypes: v.strictObject({ person: v.boolean(), company: v.boolean(), agency: v.boolean() }),
  paused: v.boolean(),
};

/** What a caller may change in one go: any subset of the fields, each fully valid. */
export const SettingsPatchSchema = v.strictObject({
  openCards: v.optional(FIELDS.openCards),
  highlightStyle: v.optional(FIELDS.highlightStyle),
  highlightTypes: v.optional(FIELDS.highlightTypes),
  paused: v.optional(FIELDS.paused),
});
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

export interface Repaired<T> {
  value: T;
  /** The fields that were unreadable and fell back to their default; empty when all was fine. */
  reset: string[];
}

/**
 * Reads stored settings defensively: each field is checked on its own, a bad one falls back to
 * its default and is named in `reset`. Unknown fields (from a newer version) are dropped.
 */
export function repairSettings(raw: unknown): Repaired<Settings> {
  const source = isRecord(raw) ? raw : {};
  const reset: string[] = raw == null || isRecord(raw) ? [] : ['settings'];
  const pick = <K extends 'openCards' | 'highlightStyle' | 'paused'>(key: K): Settings[K] => {
    if (!(key in source)) return DEFAULT_SETTINGS[key];
    const parsed = v.safeParse(FIELDS[key] as unknown as v.GenericSchema<Settings[K]>, source[key]);
    if (parsed.success) return parsed.output;
    reset.push(key);
    return DEFAULT_SETTINGS[key];
  };
  const openCards = pick('openCards');
  const highlightStyle = pick('highlightStyle');
  const types = source.highlightTypes;
  let highlightTypes: Settings['highlightTypes'];
  if (types === undefined) highlightTypes = { ...DEFAULT_SETTINGS.highlightTypes };
  else if (!isRecord(types)) {
    reset.push('highlightTypes');
    highlightTypes = { ...DEFAULT_SETTINGS.highlightTypes };
  } else {
    // One unreadable type does not cost the person the other two choices.
    highlightTypes = { ...DEFAULT_SETTINGS.highlightTypes };
    for (const type of ['person', 'company', 'agency'] as const) {
      if (!(type in types)) continue;
      if (typeof types[type] === 'boolean') highlightTypes[type] = types[type] as boolean;
      else reset.push(`highlightTypes.${type}`);
    }
  }
  return {
    value: {
      openCards,
      highlightStyle,
      highlightTypes,
      paused: pick('paused'),
    },
    reset,
  };
}

export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...settings, highlightTypes: { ...settings.highlightTypes } };
  if (patch.openCards) next.openCards = patch.openCards;
  if (patch.highlightStyle) next.highlightStyle = patch.highlightStyle;
  if (patch.highlightTypes) next.highlightTypes = { ...patch.highlightTypes };
  if (patch.paused !== undefined) next.paused = patch.paused;
  return next;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
