/** The key a site's setting is stored under: its host name without "www.", lower case. */
export function siteKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '');
}

/** Host of a URL, or null for anything that is not a web page. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? siteKey(u.hostname) : null;
  } catch {
    return null;
  }
}
