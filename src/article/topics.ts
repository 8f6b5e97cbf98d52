import { TOPICS, type Topic } from '../dataset/topics';
import { foldString } from '../matcher/text-class';

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

const COMPILED = TOPICS.map((topic) => ({
  topic,
  words: KEYWORDS[topic].map((w) => foldString(w)),
}));

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

export function scoreTopics(text: string): TopicScore[] {
  const folded = ` ${foldString(text.slice(0, 200_000)).replace(/[^\p{L}\p{N}'-]+/gu, ' ')} `;
  const scores: TopicScore[] = [];
  for (const { topic, words } of COMPILED) {
    let hits = 0;
    for (const word of words) hits += countWord(folded, word);
    if (hits > 0) scores.push({ topic, hits });
  }
  return scores.sort((a, b) => b.hits - a.hits || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
}

function countWord(haystack: string, word: string): number {
  const needle = ` ${word} `;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length - 1)) count++;
  return count;
}
