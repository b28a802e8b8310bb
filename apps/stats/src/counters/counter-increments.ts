import { AppealRegisteredV1, AppealRoutedV1, Envelope } from '@akimat/contracts';

export const METRIC = { registered: 'registered', routed: 'routed' } as const;
export const DIMENSION = { all: 'all', category: 'category', channel: 'channel', unit: 'unit' } as const;
export const TOTAL_KEY = 'total';

export type CountedEvent =
  | Envelope<'appeal.registered', AppealRegisteredV1>
  | Envelope<'appeal.routed', AppealRoutedV1>;

export interface CounterIncrement {
  metric: string;
  dimension: string;
  key: string;
  by: number;
}

/** The counters one event moves. Only codes are read, so no personal data reaches the table. */
export function countersFor(event: CountedEvent): CounterIncrement[] {
  switch (event.type) {
    case 'appeal.registered':
      return [
        increment(METRIC.registered, DIMENSION.all, TOTAL_KEY),
        increment(METRIC.registered, DIMENSION.category, event.data.category),
        increment(METRIC.registered, DIMENSION.channel, event.data.channel),
      ];
    case 'appeal.routed':
      return [
        increment(METRIC.routed, DIMENSION.all, TOTAL_KEY),
        increment(METRIC.routed, DIMENSION.unit, event.data.unit.code),
      ];
  }
}

function increment(metric: string, dimension: string, key: string): CounterIncrement {
  return { metric, dimension, key, by: 1 };
}
