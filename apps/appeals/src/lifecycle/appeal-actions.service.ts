import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Deadline, Staff } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { AppealEventPublisher } from '../appeals/appeal-event.publisher';
import { appealFacts } from '../appeals/appeal-events';
import { AppealEntity } from '../appeals/appeal.entity';
import { appendTimeline } from '../timeline/timeline';
import { AppealAnswerEntity } from './appeal-answer.entity';
import { lockForAction, nextDueAt } from './appeal-workflow';
import { BriefAnswerDto, FullAnswerDto } from './dto/answer.dto';
import { ExtendDto, ForwardDto } from './dto/decision.dto';

export interface ActionResult {
  id: string;
  registrationNumber: string;
  status: AppealEntity['status'];
}

/** What staff do to an appeal after it is registered: answer, extend, forward, close. */
@Injectable()
export class AppealActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AppealEventPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  giveBriefAnswer(appealId: string, dto: BriefAnswerDto, author: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal, next } = await lockForAction(manager, appealId, 'brief_answer');
      const answer = await recordAnswer(manager, appeal, 'brief', dto, author);
      await this.moveTo(manager, appeal, next);
      await appendTimeline(manager, {
        appealId,
        kind: 'brief_answered',
        at: answer.answeredAt,
        actorName: author.name,
        details: { onTime: answer.onTime },
      });
      await this.events.publish(manager, 'appeal.brief_answered', answer.eventData, {
        subject: appeal.id,
        correlationId,
        occurredAt: answer.answeredAt,
      });
      return resultOf(appeal);
    });
  }

  giveFullAnswer(appealId: string, dto: FullAnswerDto, author: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal, next } = await lockForAction(manager, appealId, 'full_answer');
      const afterReopening = appeal.status === 'reopened';
      const answer = await recordAnswer(manager, appeal, 'full', dto, author);
      appeal.lastFullAnswerAt = answer.answeredAt;
      await this.moveTo(manager, appeal, next);
      await appendTimeline(manager, {
        appealId,
        kind: 'full_answered',
        at: answer.answeredAt,
        actorName: author.name,
        details: { outcome: dto.outcome, onTime: answer.onTime },
      });
      await this.events.publish(
        manager,
        'appeal.full_answered',
        { ...answer.eventData, outcome: dto.outcome, refusalReasons: dto.refusalReasons, afterReopening },
        { subject: appeal.id, correlationId, occurredAt: answer.answeredAt },
      );
      return resultOf(appeal);
    });
  }

  /** A reasoned extension of the full-answer term, within the legal cap counted from registration. */
  extend(appealId: string, dto: ExtendDto, actor: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal } = await lockForAction(manager, appealId, 'extend');
      const newDueAt = new Date(dto.newDueAt);
      const now = new Date();
      if (newDueAt <= now) throw new BadRequestException('newDueAt must be in the future');
      if (!appeal.fullDueAt) {
        throw new ConflictException('no full-answer clock runs for this appeal, so there is nothing to extend');
      }
      if (newDueAt <= appeal.fullDueAt) {
        throw new ConflictException(
          `newDueAt must be later than the current due time ${appeal.fullDueAt.toISOString()}`,
        );
      }
      const cap = DateTime.fromJSDate(appeal.registeredAt)
        .plus({ months: this.config.EXTENSION_CAP_MONTHS })
        .toJSDate();
      if (newDueAt > cap) {
        throw new ConflictException(
          `an extension may reach at most ${this.config.EXTENSION_CAP_MONTHS} months from registration (until ${cap.toISOString()})`,
        );
      }
      const previousDueAt = appeal.fullDueAt;
      appeal.fullDueAt = newDueAt;
      appeal.deadlines = withDeadline(appeal.deadlines, { kind: 'full_answer', dueAt: newDueAt.toISOString() });
      await this.moveTo(manager, appeal, appeal.status);
      await appendTimeline(manager, {
        appealId,
        kind: 'extended',
        at: now,
        actorName: actor.name,
        details: { newDueAt: newDueAt.toISOString(), reason: dto.reason },
      });
      await this.events.publish(
        manager,
        'appeal.extended',
        {
          ...appealFacts(appeal),
          extendedAt: now.toISOString(),
          extendedBy: actor,
          previousDueAt: previousDueAt.toISOString(),
          newDueAt: newDueAt.toISOString(),
          reason: dto.reason,
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
      return resultOf(appeal);
    });
  }

  forward(appealId: string, dto: ForwardDto, actor: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal, next } = await lockForAction(manager, appealId, 'forward');
      const now = new Date();
      appeal.forwardedTo = dto.body;
      await this.moveTo(manager, appeal, next);
      await appendTimeline(manager, {
        appealId,
        kind: 'forwarded',
        at: now,
        actorName: actor.name,
        details: { body: dto.body, reason: dto.reason },
      });
      await this.events.publish(
        manager,
        'appeal.forwarded',
        {
          ...appealFacts(appeal),
          forwardedAt: now.toISOString(),
          forwardedBy: actor,
          body: dto.body,
          reason: dto.reason,
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
      return resultOf(appeal);
    });
  }

  close(appealId: string, actor: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal, next } = await lockForAction(manager, appealId, 'close');
      const now = new Date();
      await this.moveTo(manager, appeal, next);
      await appendTimeline(manager, { appealId, kind: 'closed', at: now, actorName: actor.name });
      await this.events.publish(
        manager,
        'appeal.closed',
        {
          ...appealFacts(appeal),
          closedAt: now.toISOString(),
          closedBy: actor,
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
      return resultOf(appeal);
    });
  }

  private async moveTo(manager: EntityManager, appeal: AppealEntity, status: AppealEntity['status']) {
    appeal.status = status;
    appeal.nextDueAt = nextDueAt(appeal);
    await manager.save(AppealEntity, appeal);
  }
}

/**
 * Stores a brief or full answer, judged on time against the due date routing published (nothing
 * to judge when no clock ran), and returns what its event says.
 */
async function recordAnswer(
  manager: EntityManager,
  appeal: AppealEntity,
  kind: 'brief' | 'full',
  dto: BriefAnswerDto & Partial<Pick<FullAnswerDto, 'outcome' | 'refusalReasons'>>,
  author: Staff,
) {
  const answeredAt = new Date();
  const dueAt = kind === 'brief' ? appeal.briefDueAt : appeal.fullDueAt;
  const timing = timingOf(appeal, dueAt, answeredAt);
  await manager.insert(AppealAnswerEntity, {
    id: randomUUID(),
    appealId: appeal.id,
    kind,
    text: dto.text,
    authorName: author.name,
    authorPosition: author.position ?? null,
    answeredAt,
    dueAt,
    onTime: timing.onTime ?? null,
    outcome: dto.outcome ?? null,
    refusalReasons: dto.refusalReasons ?? null,
  });
  return {
    answeredAt,
    onTime: timing.onTime ?? null,
    eventData: { ...appealFacts(appeal), answeredAt: answeredAt.toISOString(), author, text: dto.text, ...timing },
  };
}

/** On time against the due date routing published; nothing to say when no clock ran. */
function timingOf(appeal: AppealEntity, dueAt: Date | null, answeredAt: Date) {
  const hoursFromRegistration = Math.max(0, (answeredAt.getTime() - appeal.registeredAt.getTime()) / 3_600_000);
  if (!dueAt) return { hoursFromRegistration };
  return { dueAt: dueAt.toISOString(), onTime: answeredAt <= dueAt, hoursFromRegistration };
}

function withDeadline(deadlines: Deadline[], deadline: Deadline): Deadline[] {
  return [...deadlines.filter((existing) => existing.kind !== deadline.kind), deadline];
}

function resultOf(appeal: AppealEntity): ActionResult {
  return { id: appeal.id, registrationNumber: appeal.registrationNumber, status: appeal.status };
}
