import { CounterRow, toStatsSummary } from './stats-summary';

const row = (metric: string, dimension: string, key: string, value: string | number): CounterRow => ({
  metric,
  dimension,
  key,
  value,
});

describe(toStatsSummary.name, () => {
  it('reads as zeros and empty breakdowns before any event', () => {
    expect(toStatsSummary([])).toEqual({ registered: 0, routed: 0, byCategory: {}, byChannel: {}, byUnit: {} });
  });

  it('turns bigint strings into numbers and sorts rows into their breakdowns', () => {
    const sut = toStatsSummary([
      row('registered', 'all', 'total', '12'),
      row('registered', 'category', 'housing', '7'),
      row('registered', 'category', 'utilities', '5'),
      row('registered', 'channel', 'reception', '12'),
      row('routed', 'all', 'total', '10'),
      row('routed', 'unit', 'housing-inspection', '10'),
    ]);
    expect(sut).toEqual({
      registered: 12,
      routed: 10,
      byCategory: { housing: 7, utilities: 5 },
      byChannel: { reception: 12 },
      byUnit: { 'housing-inspection': 10 },
    });
  });

  it('ignores counters the summary does not show', () => {
    expect(toStatsSummary([row('answered', 'all', 'total', '3'), row('routed', 'category', 'housing', '2')])).toEqual(
      toStatsSummary([]),
    );
  });
});
