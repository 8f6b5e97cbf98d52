import { describe, expect, it } from 'vitest';
import { goldFiles, loadGoldCase, precision, recall, scoreCase, sum, unknownIds } from '../../scripts/lib/gold';
import { realEngine } from '../helpers/dataset';

describe('gold set', () => {
  const engine = realEngine();
  const cases = goldFiles().map(loadGoldCase);

  it('has at least 40 hand-written articles covering every required trap', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const labels = new Set(cases.flatMap((c) => c.cases));
    for (const trap of [
      'may-the-month',
      'apple-the-fruit',
      'amazon-rainforest',
      'warren-buffett',
      'two-johnsons',
      'sidebar-name',
      'german',
      'french',
      'spanish',
    ]) {
      expect(labels, trap).toContain(trap);
    }
    expect(unknownIds(engine, cases)).toEqual([]);
  });

  it('meets the targets: precision ≥ 0.98 and recall ≥ 0.95 over all mentions', () => {
    const total = sum(cases.map((c) => scoreCase(engine, c)));
    expect(total.tp + total.fn).toBeGreaterThan(700);
    expect(precision(total)).toBeGreaterThanOrEqual(0.98);
    expect(recall(total)).toBeGreaterThanOrEqual(0.95);
  });
});
