import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { buildEnvelope, EventInput, EventType } from '@akimat/contracts';
import { AuditTrail, OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';

export interface EventOrigin {
  subject: string;
  correlationId: string;
  occurredAt: Date;
}

/** Writes an event of this service to the outbox, inside the caller's state-change transaction. */
@Injectable()
export class AppealEventPublisher {
  constructor(
    private readonly outbox: OutboxService,
    private readonly trail: AuditTrail,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * One request's change: its event, and the request's audit entry in the same transaction, so the
   * change and the record of who made it commit together. (Registrations, batched across requests,
   * store their entries themselves; see RegistrationBatcher.)
   */
  async publish<T extends EventType>(
    manager: EntityManager,
    type: T,
    data: EventInput<T>,
    origin: EventOrigin,
  ): Promise<void> {
    await this.publishMany(manager, [{ type, data, origin }]);
    await this.trail.storeWithin(manager);
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
