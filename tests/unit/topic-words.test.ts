import { describe, expect, it } from 'vitest';
import { detectTopics, scoreTopics, words } from '../../src/article/topics';

describe('topic detection', () => {
  it('splits text into folded words, keeping apostrophes and hyphens inside them', () => {
    expect(words('End-to-End Encryption, l’Élysée’s “back door”… 5G!')).toEqual([
      'end-to-end',
      'encryption',
      "l'elysee's",
      'back',
      'door',
      '5g',
    ]);
    expect(words('Verschlüsselung\u00ad und\u200b Chiffrement')).toEqual(['verschlusselung', 'und', 'chiffrement']);
  });

  it('counts whole words and whole phrases only', () => {
    const text =
      'The Digital Markets Act names gatekeepers. A digital markets actor is not the act. Encrypted, encryption and encryptions.';
    const scores = Object.fromEntries(scoreTopics(text).map((s) => [s.topic, s.hits]));
    // "digital markets act" once: "gatekeepers" is not "gatekeeper", "markets actor" is not "markets act".
    expect(scores.competition).toBe(1);
    expect(scores.encryption).toBe(2); // "encrypted", "encryption"; not "encryptions"
  });

  it('needs a topic to recur before it is the article’s', () => {
    expect(detectTopics('One mention of encryption in a story about the weather.')).toEqual([]);
    expect(detectTopics('Encryption, encryption and a backdoor: the encryption debate.')).toEqual(['encryption']);
  });
});
