/** The one fixed list of policy topics. Positions, statements and article detection all use it. */
export const TOPICS = [
  'encryption',
  'competition',
  'privacy',
  'online-safety',
  'platform-liability',
  'ai',
  'surveillance',
  'children-online',
  'cybersecurity',
  'misinformation',
  'free-expression',
  'telecom',
  'digital-tax',
  'export-controls',
  'crypto-assets',
] as const;

export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  encryption: 'Encryption',
  competition: 'Competition & antitrust',
  privacy: 'Privacy & data protection',
  'online-safety': 'Online safety & moderation',
  'platform-liability': 'Platform liability',
  ai: 'Artificial intelligence',
  surveillance: 'Surveillance',
  'children-online': 'Children online',
  cybersecurity: 'Cybersecurity',
  misinformation: 'Misinformation & elections',
  'free-expression': 'Free expression',
  telecom: 'Telecoms & net neutrality',
  'digital-tax': 'Digital tax',
  'export-controls': 'Chips & export controls',
  'crypto-assets': 'Crypto assets',
};

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}
