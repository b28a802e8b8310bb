import { Gauge } from 'prom-client';

type Labels<L extends string> = Partial<Record<L, string>>;

const SOURCE_TIMEOUT_MS = 5_000;

function withinScrapeTime<T>(reading: Promise<T[]>): Promise<T[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T[]>((resolve) => (timer = setTimeout(() => resolve([]), SOURCE_TIMEOUT_MS)));
  return Promise.race([reading.catch(() => []), late]).finally(() => clearTimeout(timer));
}
/** Reads current values for one service instance; returns [labels, value] pairs. */
export type GaugeSource<L extends string> = () => Promise<[Labels<L>, number][]>;

/**
 * A gauge read at scrape time from the sources that registered with it (one per service in the
 * process). A source that fails or does not answer within SOURCE_TIMEOUT_MS (its database, broker
 * or Redis is down) is left out of that scrape rather than failing or stalling /metrics.
 */
export class ScrapedGauge<L extends string> {
  private readonly sources = new Set<GaugeSource<L>>();

  constructor(name: string, help: string, labelNames: readonly L[]) {
    const sources = this.sources;
    new Gauge<L>({
      name,
      help,
      labelNames,
      async collect() {
        this.reset();
        const read = await Promise.all([...sources].map((source) => withinScrapeTime(source())));
        for (const [labels, value] of read.flat()) this.set(labels, value);
      },
    });
  }

  /** Adds a source; call the returned function to remove it (on shutdown). */
  register(source: GaugeSource<L>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}
