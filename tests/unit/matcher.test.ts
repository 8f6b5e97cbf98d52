import { describe, expect, it } from 'vitest';
import { linked, realEngine } from '../helpers/dataset';

describe('matcher on the bundled dataset', () => {
  it('links the cast of a wire story, surnames included', () => {
    const text =
      'LONDON - U.S. Deputy Attorney General Rod Rosenstein backed Britain against "warrant-proof encryption" and met Home Secretary Amber Rudd. ' +
      'Rosenstein criticised Facebook (FB.O), Google (GOOGL.O) and Twitter (TWTR.N). Prime Minister Theresa May’s government backs Rudd. ' +
      'Mr Rosenstein said WhatsApp must help; Mrs May agreed.';
    expect(linked(text)).toEqual([
      'Rod Rosenstein→rod-rosenstein',
      'Amber Rudd→amber-rudd',
      'Rosenstein→rod-rosenstein',
      'Facebook→meta',
      'Google→google',
      'Twitter→twitter',
      'Theresa May→theresa-may',
      'Rudd→amber-rudd',
      'Rosenstein→rod-rosenstein',
      'WhatsApp→whatsapp',
      'May→theresa-may',
    ]);
  });

  it('does not link a surname before the person is named in full', () => {
    expect(linked('Rosenstein spoke first. Later, Rod Rosenstein spoke again.')).toEqual([
      'Rod Rosenstein→rod-rosenstein',
    ]);
  });

  it('reads "May" as the month when it is one', () => {
    const text =
      'Theresa May spoke on Monday. In May, the bill passed; on May 5 it became law. May said she was pleased.';
    expect(linked(text)).toEqual(['Theresa May→theresa-may', 'May→theresa-may']);
  });

  it('needs evidence for names that are common words', () => {
    expect(linked('Apple pie and apple juice were served. The Amazon rainforest is burning.')).toEqual([]);
    expect(linked('Apple Inc. sells the iPhone. Apple said it would appeal.')).toEqual([
      'Apple Inc.→apple',
      'Apple→apple',
    ]);
  });

  it('keeps Warren Buffett apart from Senator Warren', () => {
    const text =
      'Senator Elizabeth Warren wants to break up big tech. Warren Buffett disagreed. Warren replied on Tuesday.';
    expect(linked(text)).toEqual(['Elizabeth Warren→elizabeth-warren', 'Warren→elizabeth-warren']);
  });

  it('never matches inside a word, and handles possessives and diacritics', () => {
    expect(linked('The metadata of Mayor Uberblick was encrypted.')).toEqual([]);
    expect(linked('Commissioner Věra Jourová spoke; Vera Jourova’s office and Jourová agreed.')).toEqual([
      'Věra Jourová→vera-jourova',
      'Vera Jourova→vera-jourova',
      'Jourová→vera-jourova',
    ]);
  });

  it('returns mentions that slice the text exactly and never overlap', () => {
    const text = 'Margrethe\u00a0Vestager and the European Commission fined Google; Vestager said so.';
    const mentions = realEngine().matcher.match(text);
    let last = -1;
    for (const m of mentions) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeGreaterThan(m.start);
      last = m.end;
    }
    expect(linked(text)).toContain('Margrethe\u00a0Vestager→margrethe-vestager');
    expect(linked(text)).toContain('European Commission→european-commission');
  });

  it('answers empty and odd input without throwing', () => {
    const { matcher } = realEngine();
    expect(matcher.match('')).toEqual([]);
    expect(() => matcher.match('\u0000\ud800 \u200b'.repeat(1000))).not.toThrow();
  });
});

describe('the bundled dataset keeps the scan fast', () => {
  it('has no alias written all in small Latin letters: every word starting with its letter would be walked', () => {
    // Small-letter aliases are found from their first capital ("eSafety", "von der Leyen"); one
    // with no capital at all ("autoridad …") makes its first letter a candidate wherever it starts a word.
    const slow = realEngine().dataset.matcher.lowerSurfaces.filter((s) => /^[a-z]/.test(s) && !/\p{Lu}/u.test(s));
    expect(slow).toEqual([]);
  });
});
