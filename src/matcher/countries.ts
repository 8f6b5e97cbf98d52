/**
 * Country names and demonyms, enough to tell that "Nigeria's Data Protection Commission" or "the
 * Irish National Cyber Security Centre" is not a body of another country that carries the same
 * name. Folded (small letters, no accents), to the ISO code the dataset's `country` fields use.
 */
const COUNTRY_WORDS: ReadonlyArray<[string, string]> = [
  ['US', 'u.s. us usa america american united states'],
  ['GB', 'uk u.k. britain british united kingdom england english scotland scottish wales welsh'],
  ['IE', 'ireland irish'],
  ['AU', 'australia australian'],
  ['NZ', 'new zealand'],
  ['CA', 'canada canadian'],
  ['FR', 'france french'],
  ['DE', 'germany german'],
  ['AT', 'austria austrian'],
  ['CH', 'switzerland swiss'],
  ['IT', 'italy italian'],
  ['ES', 'spain spanish'],
  ['PT', 'portugal portuguese'],
  ['NL', 'netherlands dutch'],
  ['BE', 'belgium belgian'],
  ['LU', 'luxembourg'],
  ['DK', 'denmark danish'],
  ['SE', 'sweden swedish'],
  ['NO', 'norway norwegian'],
  ['FI', 'finland finnish'],
  ['EE', 'estonia estonian'],
  ['PL', 'poland polish'],
  ['CZ', 'czech'],
  ['RO', 'romania romanian'],
  ['BG', 'bulgaria bulgarian'],
  ['GR', 'greece greek'],
  ['MT', 'malta maltese'],
  ['RU', 'russia russian'],
  ['UA', 'ukraine ukrainian'],
  ['TR', 'turkey turkish'],
  ['IL', 'israel israeli'],
  ['AE', 'emirati'],
  ['SA', 'saudi'],
  ['EG', 'egypt egyptian'],
  ['NG', 'nigeria nigerian'],
  ['KE', 'kenya kenyan'],
  ['ZA', 'south africa south african'],
  ['GH', 'ghana ghanaian'],
  ['IN', 'india indian'],
  ['PK', 'pakistan pakistani'],
  ['BD', 'bangladesh bangladeshi'],
  ['CN', 'china chinese'],
  ['HK', 'hong kong'],
  ['TW', 'taiwan taiwanese'],
  ['JP', 'japan japanese'],
  ['KR', 'korea korean south korea south korean'],
  ['SG', 'singapore singaporean'],
  ['MY', 'malaysia malaysian'],
  ['ID', 'indonesia indonesian'],
  ['PH', 'philippines philippine filipino'],
  ['TH', 'thailand thai'],
  ['VN', 'vietnam vietnamese'],
  ['BR', 'brazil brazilian'],
  ['MX', 'mexico mexican'],
  ['AR', 'argentina argentine argentinian'],
  ['CL', 'chile chilean'],
  ['CO', 'colombia colombian'],
];

/** Two-word names are listed by their words joined with a space. */
const TWO_WORDS = new Set([
  'united states',
  'united kingdom',
  'new zealand',
  'south africa',
  'south african',
  'hong kong',
  'south korea',
  'south korean',
]);

const BY_WORD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, words] of COUNTRY_WORDS) {
    const list = words.split(' ');
    for (let i = 0; i < list.length; i++) {
      const two = `${list[i]} ${list[i + 1]}`;
      if (i + 1 < list.length && TWO_WORDS.has(two)) {
        map.set(two, code);
        i++;
      } else {
        map.set(list[i] as string, code);
      }
    }
  }
  return map;
})();

const WORDS_BEFORE = /(?:^|[^\p{L}.])((?:\p{Lu}[\p{L}.]*[ \u00a0]+)?\p{Lu}[\p{L}.]*?)(?:['’]s)?[ \u00a0]+$/u;

/**
 * The country that the word or two right before `start` name, as an owner or an adjective
 * ("Japan's", "the Irish", "South Korean"): its code, or null when they name none.
 */
export function countryBefore(text: string, start: number): string | null {
  const m = WORDS_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return null;
  const words = (m[1] as string).toLowerCase().split(/[ \u00a0]+/);
  if (words.length === 2) {
    const both = BY_WORD.get(words.join(' '));
    if (both) return both;
  }
  return BY_WORD.get(words[words.length - 1] as string) ?? null;
}

/**
 * Whether a body of `country` (an ISO code) is named right after another country's name or
 * adjective, so that the words name that country's body: "Nigeria's Data Protection
 * Commission". Bodies of the EU, international ones and those without a country never are.
 */
export function namedForAnotherCountry(text: string, start: number, country: string): boolean {
  if (country.length !== 2 || country === 'EU') return false;
  const before = countryBefore(text, start);
  return before !== null && before !== country;
}
