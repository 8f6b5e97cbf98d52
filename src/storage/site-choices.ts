import { isRecord, type Repaired } from './settings';

/** A person's choice for one site, and when it was made (ms since 1970; 0 = before this was recorded). */
export interface SiteChoice {
  on: boolean;
  at: number;
}

/** Per-site choices by site key (see sites/host.ts). A site without an entry follows its default. */
export type SiteChoices = Record<string, SiteChoice>;

/** Version 1 stored a bare boolean per site. */
export type SiteChoicesV1 = Record<string, boolean>;

const SITE_KEY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

export function isSiteKey(value: string): boolean {
  return value.length <= 253 && SITE_KEY.test(value);
}

/** v1 → v2: each boolean becomes a choice with an unknown time. Anything unreadable is left to repair. */
export function migrateSiteChoicesV1(old: unknown): SiteChoices {
  if (!isRecord(old)) return {};
  const out: SiteChoices = {};
  for (const [host, value] of Object.entries(old)) {
    if (typeof value === 'boolean') out[host] = { on: value, at: 0 };
    else if (isChoice(value)) out[host] = value;
  }
  return out;
}

/** Keeps every readable choice; drops entries with a bad host or value and names them. */
export function repairSiteChoices(raw: unknown): Repaired<SiteChoices> {
  if (raw == null) return { value: {}, reset: [] };
  if (!isRecord(raw)) return { value: {}, reset: ['siteChoices'] };
  const value: SiteChoices = {};
  const reset: string[] = [];
  for (const [host, choice] of Object.entries(raw)) {
    if (isSiteKey(host) && isChoice(choice)) value[host] = { on: choice.on, at: choice.at };
    else if (isSiteKey(host) && typeof choice === 'boolean') value[host] = { on: choice, at: 0 };
    else reset.push(`siteChoices.${host}`);
  }
  return { value, reset };
}

function isChoice(value: unknown): value is SiteChoice {
  return (
    isRecord(value) &&
    typeof value.on === 'boolean' &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at) &&
    value.at >= 0
  );
}
