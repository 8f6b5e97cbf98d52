import type { SiteChoices } from '../storage/items';
import { isNewsSite } from './news-sites';

/**
 * A person's choice for the site wins; otherwise on for the curated news sites only.
 * Tolerates a choice in the version-1 shape (a bare boolean), which a page can still see for a
 * moment while the stored value is being migrated.
 */
export function isSiteEnabled(host: string, choices: SiteChoices | Record<string, unknown>): boolean {
  const choice = (choices as Record<string, unknown>)[host];
  if (typeof choice === 'boolean') return choice;
  if (choice && typeof (choice as { on?: unknown }).on === 'boolean') return (choice as { on: boolean }).on;
  return isNewsSite(host);
}
