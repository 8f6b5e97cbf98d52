/**
 * Sites where Dramatis is on by default: wire services, US, UK and EU outlets, and the
 * tech-policy press. Anywhere else it stays off. One list, used for the manifest's matches.
 */
export const NEWS_SITES = [
  // Wire services
  'reuters.com',
  'apnews.com',
  'afp.com',
  'bloomberg.com',
  // United States
  'nytimes.com',
  'washingtonpost.com',
  'wsj.com',
  'cnn.com',
  'nbcnews.com',
  'cbsnews.com',
  'abcnews.go.com',
  'npr.org',
  'politico.com',
  'axios.com',
  'thehill.com',
  'usatoday.com',
  'latimes.com',
  'cnbc.com',
  'foxnews.com',
  'theatlantic.com',
  'vox.com',
  'semafor.com',
  'businessinsider.com',
  'fortune.com',
  // United Kingdom and Ireland
  'bbc.co.uk',
  'bbc.com',
  'theguardian.com',
  'ft.com',
  'thetimes.co.uk',
  'telegraph.co.uk',
  'independent.co.uk',
  'sky.com',
  'economist.com',
  'irishtimes.com',
  'cityam.com',
  // European Union
  'politico.eu',
  'euractiv.com',
  'euronews.com',
  'lemonde.fr',
  'spiegel.de',
  'elpais.com',
  'dw.com',
  'france24.com',
  // Tech and tech-policy press
  'theverge.com',
  'arstechnica.com',
  'wired.com',
  'techcrunch.com',
  'theregister.com',
  'engadget.com',
  'zdnet.com',
  'techpolicy.press',
  'lawfaremedia.org',
  'eff.org',
  'theintercept.com',
] as const;

/** Match patterns for the manifest: every subdomain, http and https, any path. */
export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);

export function isNewsSite(host: string): boolean {
  return NEWS_SITES.some((site) => host === site || host.endsWith(`.${site}`));
}
