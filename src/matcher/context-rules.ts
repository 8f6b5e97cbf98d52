/**
 * Word lists that decide whether a bare surname is really the person already named.
 * Kept small and general: they describe English, French, German and Spanish news style,
 * not any one article.
 */

/** Words that may stand right before a surname without making it someone else's name. */
export const TITLES = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron',
    'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor',
    'president', 'vice', 'minister', 'secretary', 'chancellor', 'premier', 'commissioner', 'chairman',
    'chairwoman', 'chair', 'director', 'judge', 'justice', 'attorney', 'general', 'deputy', 'chief', 'ceo',
    'founder', 'mp', 'mep', 'speaker', 'leader', 'ambassador', 'officer', 'executive', 'head', 'spokesman',
    'spokeswoman', 'democrat', 'republican', 'democratic', 'gop', 'labour', 'tory', 'conservative',
    'herr', 'frau', 'm', 'mme', 'monsieur', 'madame', 'sr', 'sra', 'señor', 'señora', 'don', 'doña',
    'ministerin', 'kommissarin', 'kommissar', 'präsidentin', 'präsident', 'kanzler', 'kanzlerin',
    'ministre', 'commissaire', 'présidente', 'président', 'ministra', 'ministro', 'comisaria', 'comisario',
    'presidenta', 'presidente', 'secretaria', 'secretario', 'regulator', 'watchdog', 'boss', 'chairperson',
  ],
);

/** Capitalized words that often open a sentence; before a surname they are not a first name. */
export const SENTENCE_OPENERS = new Set(
  [
    'but', 'and', 'or', 'so', 'yet', 'when', 'while', 'whereas', 'if', 'as', 'after', 'before', 'since',
    'because', 'although', 'though', 'yesterday', 'today', 'tomorrow', 'meanwhile', 'however', 'then',
    'now', 'still', 'also', 'later', 'earlier', 'instead', 'thus', 'here', 'there', 'in', 'on', 'at', 'for',
    'with', 'without', 'under', 'by', 'from', 'to', 'of', 'last', 'next', 'this', 'that', 'the', 'a', 'an',
    'asked', 'said', 'says', 'told', 'added', 'where', 'why', 'how', 'what', 'who', 'whom', 'whose',
    'separately', 'previously', 'recently', 'indeed', 'notably', 'specifically', 'similarly', 'likewise',
    'nonetheless', 'nevertheless', 'both', 'neither', 'nor', 'even', 'only', 'unlike', 'like', 'once',
    'until', 'during', 'about', 'against', 'between', 'among', 'per', 'via', 'aber', 'und', 'doch', 'als',
    'mais', 'et', 'pero', 'y', 'according',
  ],
);

/** Month names that are also surnames ("May"): never linked before a number or after these words. */
export const MONTH_WORDS = new Set(['may', 'june', 'april', 'august', 'march', 'january', 'juni', 'mai', 'julio']);

export const TEMPORAL_WORDS = new Set([
  'in', 'on', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'during',
  'from', 'through', 'throughout', 'before', 'after', 'between', 'and', 'or', 'to', 'each', 'every', 'im',
  'en', 'de', 'du', 'au', 'el', 'del', 'seit', 'bis', 'ab', 'vom', 'zum', 'am',
]);

/** A company suffix right after a guarded name is evidence for the company ("Apple Inc."). */
export const CORPORATE_SUFFIX =
  /^,?[ \u00a0]+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|SE|NV|N\.V|GmbH|Holdings|Platforms|Technologies)\b/;

/** "(FB.O)", "(NASDAQ: AAPL)", "(Nasdaq:GOOGL)", "NYSE: TWTR". */
export const TICKER_PATTERN =
  /\(\s*(?:(?:NASDAQ|Nasdaq|NYSE|Nyse|LSE|LON|TSX|ASX|HKEX|HKG|TYO|EPA|ETR|FRA|AMS|SIX|KRX|NSE|BSE|OTC)\s*:\s*)?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*\)|\b(?:NASDAQ|Nasdaq|NYSE)\s*:\s*([A-Z][A-Z0-9.]{0,7})/g;
