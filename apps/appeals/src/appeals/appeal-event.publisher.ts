import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { buildEnvelope, EventInput, EventType } from '@akimat/contracts';

export interface EventOrigin {
  subject: string;
  correlationId: string;
  occurredAt: Date;
}
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
    origin: EventOrigin,
  ): Promise<void> {
    return this.publishMany(manager, [{ type, data, origin }]);
  }

  publishMany<T extends EventType>(
    manager: EntityManager,
    events: { type: T; data: EventInput<T>; origin: EventOrigin }[],
  ): Promise<void> {
    return this.outbox.add(
      manager,
      ...events.map(({ type, data, origin }) =>
        buildEnvelope(type, data, { producer: this.config.serviceName, ...origin }),
      ),
    );
  }
}
