import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { outboxBacklog, outboxOldestAge } from './backlog.metrics';

/** The outbox backlog and the age of its oldest unsent row, read at scrape time. */
@Injectable()
export class OutboxMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly unregister: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    const service = this.config.serviceName;
    this.unregister.push(
      outboxBacklog.register(async () => [[{ service }, (await this.read()).backlog]]),
      outboxOldestAge.register(async () => [[{ service }, (await this.read()).oldestAgeSeconds]]),
    );
  }

  onModuleDestroy(): void {
    for (const unregister of this.unregister.splice(0)) unregister();
  }

  private async read(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const [row] = await this.dataSource.query<{ backlog: number; age: number | null }[]>(
      `SELECT count(*)::int AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS age
         FROM outbox_events WHERE sent_at IS NULL`,
    );
    return { backlog: row.backlog, oldestAgeSeconds: row.age ?? 0 };
  }
}
