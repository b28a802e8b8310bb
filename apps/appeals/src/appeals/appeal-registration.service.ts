import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Staff } from '@akimat/contracts';
import { badRequestFor, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { assertIdempotencyKeyFormat } from '../idempotency/idempotency-key';
import { ReceptionSessionEntity } from '../reception-sessions/reception-session.entity';
import { positionTitle } from '../reception-sessions/official-positions';
import { CategoryCatalogue } from './category-catalogue';
import { CreateAppealDto } from './dto/create-appeal.dto';
import { OfficeClock } from './office-clock';
import { newTrackingCode } from './registration-number';
import { AppealDraft, RegisteredAppeal, RegistrationBatcher } from './registration-batcher';

@Injectable()
export class AppealRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoryCatalogue,
    private readonly batcher: RegistrationBatcher,
    private readonly clock: OfficeClock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  /**
   * Checks the card, then registers it with its `appeal.registered` event in one transaction;
   * retries with the same Idempotency-Key get the first result.
   */
  async register(
    dto: CreateAppealDto,
    actor: Staff,
    correlationId: string,
    idempotencyKey?: string,
  ): Promise<RegisteredAppeal> {
    assertIdempotencyKeyFormat(idempotencyKey);
    if (dto.anonymous && dto.resident !== undefined) {
      throw badRequestFor([
        { field: 'resident', rule: 'absentWhenAnonymous', message: 'an anonymous appeal carries no resident details' },
      ]);
    }
    if (!(await this.categories.isActive(dto.category))) {
      throw badRequestFor([
        { field: 'category', rule: 'inCatalogue', message: `category "${dto.category}" is not in the catalogue` },
      ]);
    }
    const receiver = await this.receiverOf(dto.receptionSessionId, actor);
    return this.batcher.submit(this.draft(dto, receiver), correlationId, idempotencyKey, dto);
  }

  private draft(dto: CreateAppealDto, receiver: Staff): AppealDraft {
    const registeredAt = new Date();
    const anonymous = dto.anonymous ?? false;
    const concernsPublicSafety = anonymous && (dto.concernsPublicSafety ?? false);
    return {
      id: randomUUID(),
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
      registrationDate: this.clock.registrationDate(registeredAt),
      assignedUnitCode: null,
      assignedUnitNameKk: null,
      assignedUnitNameRu: null,
      assignmentReason: null,
      routedAt: null,
      deadlines: [],
      briefDueAt: null,
      fullDueAt: null,
      nextDueAt: null,
      lastFullAnswerAt: null,
      forwardedTo: null,
      feedbackRating: null,
      feedbackComment: null,
      feedbackAt: null,
    };
  }

  /** Inside a reception session the receiving official is the session's; otherwise whoever records it. */
  private async receiverOf(sessionId: string | undefined, actor: Staff): Promise<Staff> {
    if (!sessionId) return actor;
    const session = await this.dataSource.manager.findOneBy(ReceptionSessionEntity, { id: sessionId });
    if (!session) {
      throw badRequestFor([
        { field: 'receptionSessionId', rule: 'exists', message: `reception session ${sessionId} does not exist` },
      ]);
    }
    return { name: session.officialName, position: positionTitle(session.officialPosition) };
  }
}
