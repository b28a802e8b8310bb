import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { buildEnvelope, EventInput, EventType } from '@akimat/contracts';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';

/** Writes an event of this service to the outbox, inside the caller's state-change transaction. */
@Injectable()
export class AppealEventPublisher {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  publish<T extends EventType>(
    manager: EntityManager,
    type: T,
    data: EventInput<T>,
    origin: { subject: string; correlationId: string; occurredAt: Date },
  ): Promise<void> {
    return this.outbox.add(manager, buildEnvelope(type, data, { producer: this.config.serviceName, ...origin }));
  }
}
