import { Gauge } from 'prom-client';

type Labels<L extends string> = Partial<Record<L, string>>;
/** Reads current values for one service instance; returns [labels, value] pairs. */
export type GaugeSource<L extends string> = () => Promise<[Labels<L>, number][]>;

/**
 * A gauge read at scrape time from the sources that registered with it (one per service in the
 * process). A source that fails (its database or broker is down) is left out of that scrape rather
 * than failing /metrics.
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
        for (const source of sources) {
          const values = await source().catch(() => []);
          for (const [labels, value] of values) this.set(labels, value);
        }
      },
    });
  }

  /** Adds a source; call the returned function to remove it (on shutdown). */
  register(source: GaugeSource<L>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}
