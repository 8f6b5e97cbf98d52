import { describe, expect, it } from 'vitest';
import { roleOn } from '../../src/cast/roles';
import { realEngine } from '../helpers/dataset';

const engine = realEngine();
const entity = (id: string) => {
  const found = engine.dataset.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};

describe('the role held on the article date', () => {
  it('takes the role the article speaks of when two were held at once', () => {
    const prasad = entity('ravi-shankar-prasad');
    const tech = 'Law, Electronics and Information Technology Minister Ravi Shankar Prasad said the apps were banned.';
    expect(roleOn(prasad, '2020-06-30', tech)?.title).toBe('Minister of Electronics and Information Technology');
    const court = 'Law Minister Ravi Shankar Prasad told the court the judges would be appointed soon.';
    expect(roleOn(prasad, '2020-06-30', court)?.title).toBe('Minister of Law and Justice');
  });

  it('reads a title written short: "Microsoft CEO Satya Nadella" is the chief executive, not the chairman', () => {
    const nadella = entity('satya-nadella');
    expect(roleOn(nadella, '2023-10-02', 'Microsoft CEO Satya Nadella testified on Monday.')?.title).toBe(
      'Chief Executive Officer',
    );
    expect(roleOn(nadella, '2023-10-02', 'Microsoft Chairman Satya Nadella testified.')?.title).toBe('Chairman');
  });

  it('does not let the name of the European Parliament outweigh a rapporteur role', () => {
    const benifei = entity('brando-benifei');
    const text =
      'The European Parliament approved the AI Act on Wednesday. Brando Benifei, an Italian member of the European Parliament, welcomed the vote.';
    expect(roleOn(benifei, '2024-03-13', text)?.title).toBe('Co-rapporteur for the Artificial Intelligence Act');
  });

  it('does not let the state a senator represents outweigh the committee role the article names', () => {
    const graham = entity('lindsey-graham');
    const text = 'Ranking Member and Republican South Carolina Sen. Lindsey Graham questioned the chief executives.';
    expect(roleOn(graham, '2024-02-20', text)?.title).toBe('Ranking Member, Senate Judiciary Committee');
  });

  it('shows the article’s role in the cast, and the latest-started one when the text does not tell', () => {
    const text = 'Electronics and Information Technology Minister Ravi Shankar Prasad said the apps were banned.';
    const cast = engine.analyze(text, '2020-06-30').cast;
    expect(cast.find((m) => m.id === 'ravi-shankar-prasad')?.roleThen?.label).toContain('Electronics');
    const prasad = entity('ravi-shankar-prasad');
    expect(roleOn(prasad, '2020-06-30', 'Ravi Shankar Prasad spoke.')).toBe(roleOn(prasad, '2020-06-30'));
  });
});
