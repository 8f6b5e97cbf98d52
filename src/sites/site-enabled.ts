import type { SiteChoices } from '../storage/items';
import { isNewsSite } from './news-sites';

/** A person's choice for the site wins; otherwise on for the curated news sites only. */
export function isSiteEnabled(host: string, choices: SiteChoices): boolean {
  const choice = choices[host];
  return typeof choice === 'boolean' ? choice : isNewsSite(host);
}
