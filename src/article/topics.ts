import { TOPICS, type Topic } from '../dataset/topics';
import { classOf, foldedOf, SKIP, WORD } from '../matcher/text-class';

/**
 * Keywords per topic, in English, French, German and Spanish. A topic is detected when its
 * keywords appear often enough for their share of the article; one stray word is not enough.
 */
const KEYWORDS: Record<Topic, string[]> = {
  encryption: [
    'encryption',
    'encrypted',
    'end-to-end',
    'backdoor',
    'back door',
    'warrant-proof',
    'lawful access',
    'decrypt',
    'chiffrement',
    'verschlüsselung',
    'cifrado',
    'exceptional access',
    'client-side scanning',
  ],
  competition: [
    'antitrust',
    'competition',
    'monopoly',
    'monopolist',
    'anticompetitive',
    'anti-competitive',
    'merger',
    'acquisition',
    'digital markets act',
    'dma',
    'gatekeeper',
    'self-preferencing',
    'concurrence',
    'wettbewerb',
    'kartell',
    'competencia',
    'market power',
    'sherman act',
  ],
  privacy: [
    'privacy',
    'data protection',
    'gdpr',
    'personal data',
    'tracking',
    'consent',
    'cookies',
    'data breach',
    'vie privée',
    'datenschutz',
    'privacidad',
    'biometric',
  ],
  'online-safety': [
    'online safety',
    'harmful content',
    'content moderation',
    'moderation',
    'hate speech',
    'illegal content',
    'digital services act',
    'dsa',
    'online harms',
    'terrorist content',
    'extremist',
  ],
  'platform-liability': [
    'section 230',
    'liability',
    'intermediary',
    'safe harbor',
    'safe harbour',
    'communications decency act',
    'publisher',
  ],
  ai: [
    'artificial intelligence',
    'ai act',
    'machine learning',
    'chatbot',
    'generative ai',
    'large language model',
    'deepfake',
    'chatgpt',
    'foundation model',
    'intelligence artificielle',
    'künstliche intelligenz',
    'inteligencia artificial',
  ],
  surveillance: [
    'surveillance',
    'intercept',
    'interception',
    'wiretap',
    'snooping',
    'investigatory powers',
    'fisa',
    'section 702',
    'bulk collection',
    'spyware',
    'mass surveillance',
    'überwachung',
  ],
  'children-online': [
    'child',
    'children',
    'minors',
    'teen',
    'teens',
    'teenagers',
    'age verification',
    'csam',
    'child sexual abuse',
    'under-16',
    'kids',
    'parents',
    'enfants',
    'kinder',
    'niños',
  ],
  cybersecurity: [
    'cybersecurity',
    'cyber security',
    'cyber',
    'hackers',
    'hacking',
    'ransomware',
    'vulnerability',
    'malware',
    'cyberattack',
    'cyber attack',
  ],
  misinformation: [
    'misinformation',
    'disinformation',
    'fake news',
    'election interference',
    'propaganda',
    'fact-check',
    'desinformation',
    'désinformation',
  ],
  'free-expression': [
    'free speech',
    'freedom of expression',
    'censorship',
    'first amendment',
    'censor',
    'meinungsfreiheit',
    "liberté d'expression",
  ],
  telecom: [
    'net neutrality',
    'broadband',
    'spectrum',
    'telecom',
    'telecommunications',
    '5g',
    'huawei',
    'internet service providers',
  ],
  'digital-tax': ['digital services tax', 'digital tax', 'tax avoidance', 'minimum tax', 'taxation'],
  'export-controls': [
    'export controls',
    'export control',
    'semiconductor',
    'semiconductors',
    'chips',
    'entity list',
    'chipmaker',
  ],
  'crypto-assets': [
    'cryptocurrency',
    'crypto',
    'bitcoin',
    'stablecoin',
    'libra',
    'diem',
    'blockchain',
    'digital assets',
  ],
};

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/**
 * Each keyword as its words, filed under its first word: the article is then read once, word
 * by word, instead of once per keyword.
 */
const BY_FIRST_WORD = new Map<string, { topic: number; rest: string[] }[]>();
TOPICS.forEach((topic, index) => {
  for (const keyword of KEYWORDS[topic]) {
    const [first, ...rest] = words(keyword);
    if (!first) continue;
    const list = BY_FIRST_WORD.get(first) ?? [];
    list.push({ topic: index, rest });
    BY_FIRST_WORD.set(first, list);
  }
});

export interface TopicScore {
  topic: Topic;
  hits: number;
}

/** Topics of an article, strongest first. */
export function detectTopics(text: string, max = 4): Topic[] {
  return scoreTopics(text)
    .filter((s, i, all) => s.hits >= 3 || (s.hits >= 2 && i === 0 && (all[1]?.hits ?? 0) < 2))
    .slice(0, max)
    .map((s) => s.topic);
}

/** How often each topic's keywords occur as whole words (case and diacritics folded). */
export function scoreTopics(text: string): TopicScore[] {
  const tokens = words(text.slice(0, 200_000));
  const hits = new Array<number>(TOPICS.length).fill(0);
  for (let i = 0; i < tokens.length; i++) {
    const candidates = BY_FIRST_WORD.get(tokens[i] as string);
    if (!candidates) continue;
    for (const { topic, rest } of candidates) {
      let k = 0;
      while (k < rest.length && tokens[i + 1 + k] === rest[k]) k++;
      if (k === rest.length) hits[topic] = (hits[topic] as number) + 1;
    }
  }
  const scores: TopicScore[] = [];
  TOPICS.forEach((topic, i) => {
    if ((hits[i] as number) > 0) scores.push({ topic, hits: hits[i] as number });
  });
  return scores.sort((a, b) => b.hits - a.hits || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
}

/**
 * The folded words of a text: letters and digits (case and diacritics folded as the matcher
 * folds them), with apostrophes and hyphens kept inside words ("end-to-end", "d'expression").
 * Invisible characters and combining marks are dropped, everything else separates words.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === SKIP) continue;
    const folded = foldedOf(code);
    if (cls === WORD || folded === APOSTROPHE || folded === HYPHEN) current += String.fromCharCode(folded);
    else if (current) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}
