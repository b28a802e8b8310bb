import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Staff } from '@akimat/contracts';
import { badRequestFor, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { IdempotentRequests } from '../idempotency/idempotent-requests.service';
import { ReceptionSessionEntity } from '../reception-sessions/reception-session.entity';
import { positionTitle } from '../reception-sessions/official-positions';
import { appendTimeline } from '../timeline/timeline';
import { AppealCategoryEntity } from './appeal-category.entity';
import { AppealEventPublisher } from './appeal-event.publisher';
import { registeredEventData } from './appeal-events';
import { AppealEntity } from './appeal.entity';
import { CreateAppealDto } from './dto/create-appeal.dto';
import { OfficeClock } from './office-clock';
import { formatRegistrationNumber, newTrackingCode, nextRegistrationSequence } from './registration-number';

export interface RegisteredAppeal {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: AppealEntity['status'];
  registeredAt: string;
  registrationDate: string;
}

@Injectable()
export class AppealRegistrationService {
  constructor(
    private readonly idempotent: IdempotentRequests,
    private readonly events: AppealEventPublisher,
    private readonly clock: OfficeClock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  /** Registers the card and its `appeal.registered` event in one transaction; retries with the same key get the first result. */
  register(dto: CreateAppealDto, actor: Staff, correlationId: string, idempotencyKey?: string): Promise<RegisteredAppeal> {
    return this.idempotent.run('POST /api/v1/appeals', idempotencyKey, dto, async (manager) => {
      assertAnonymityConsistent(dto);
      await assertCategoryInCatalogue(manager, dto.category);
      const receiver = await this.receiverOf(manager, dto.receptionSessionId, actor);

      const registeredAt = new Date();
      const registrationDate = this.clock.registrationDate(registeredAt);
      const year = Number(registrationDate.slice(0, 4));
      const anonymous = dto.anonymous ?? false;
      const concernsPublicSafety = anonymous && (dto.concernsPublicSafety ?? false);
      // Taken last, just before the inserts: the counter row stays locked until commit.
      const sequence = await nextRegistrationSequence(manager, this.config.REGISTRATION_PREFIX, year);
      const appeal = manager.create(AppealEntity, {
        id: randomUUID(),
        registrationNumber: formatRegistrationNumber(this.config.REGISTRATION_PREFIX, year, sequence),
        trackingCode: newTrackingCode(),
        status: 'registered',
        category: dto.category,
        channel: dto.channel,
        text: dto.text,
        anonymous,
        concernsPublicSafety,
        answerRequired: !anonymous || concernsPublicSafety,
        residentName: dto.resident?.fullName ?? null,
        residentIin: dto.resident?.iin ?? null,
        residentPhone: dto.resident?.phone ?? null,
        residentEmail: dto.resident?.email ?? null,
        residentLanguage: dto.resident?.language ?? 'kk',
        locality: dto.locality ?? null,
        preferredUnitCode: dto.preferredUnitCode ?? null,
        receptionSessionId: dto.receptionSessionId ?? null,
        receivedByName: receiver.name,
        receivedByPosition: receiver.position ?? null,
        registeredAt,
        registrationDate,
        deadlines: [],
      });
      await manager.insert(AppealEntity, appeal);
      await appendTimeline(manager, { appealId: appeal.id, kind: 'registered', at: registeredAt, actorName: receiver.name });
      await this.events.publish(manager, 'appeal.registered', registeredEventData(appeal), {
        subject: appeal.id,
        correlationId,
        occurredAt: registeredAt,
      });
      return {
        id: appeal.id,
        registrationNumber: appeal.registrationNumber,
        trackingCode: appeal.trackingCode,
        status: appeal.status,
        registeredAt: registeredAt.toISOString(),
        registrationDate,
      };
    });
  }

  /** Inside a reception session the receiving official is the session's; otherwise whoever records it. */
  private async receiverOf(manager: EntityManager, sessionId: string | undefined, actor: Staff): Promise<Staff> {
    if (!sessionId) return actor;
    const session = await manager.findOneBy(ReceptionSessionEntity, { id: sessionId });
    if (!session) {
      throw badRequestFor([
        { field: 'receptionSessionId', rule: 'exists', message: `reception session ${sessionId} does not exist` },
      ]);
    }
    return { name: session.officialName, position: positionTitle(session.officialPosition) };
  }
}

function assertAnonymityConsistent(dto: CreateAppealDto): void {
  if (dto.anonymous && dto.resident !== undefined) {
    throw badRequestFor([
      { field: 'resident', rule: 'absentWhenAnonymous', message: 'an anonymous appeal carries no resident details' },
    ]);
  }
}

async function assertCategoryInCatalogue(manager: EntityManager, code: string): Promise<void> {
  const known = await manager.existsBy(AppealCategoryEntity, { code, active: true });
  if (!known) {
    throw badRequestFor([{ field: 'category', rule: 'inCatalogue', message: `category "${code}" is not in the catalogue` }]);
  }
}
