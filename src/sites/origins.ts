import { isNewsSite } from './news-sites';

/**
 * The match patterns that make up one site for Dramatis: the host and its "www." form, over
 * http and https. This is what is asked for when a person switches Dramatis on for a site that
 * is not on the curated list, and nothing wider.
 */
export function sitePatterns(host: string): string[] {
  return [`*://${host}/*`, `*://www.${host}/*`];
}

/** The site a granted match pattern belongs to, or null for patterns Dramatis never asks for. */
export function siteOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/(?:www\.)?([a-z0-9.-]+)\/\*$/i.exec(pattern);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Sites that need a permission of their own: everything the manifest does not already cover. */
export function needsOwnPermission(host: string): boolean {
  return !isNewsSite(host);
}
