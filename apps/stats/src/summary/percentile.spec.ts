import { percentile } from './percentile';

describe(percentile.name, () => {
  it('is null for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
  });

  it('interpolates between ranks as percentile_cont does', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentile([7], 0.9)).toBe(7);
  });
});
