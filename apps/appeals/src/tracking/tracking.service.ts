import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { AppealEventPublisher } from '../appeals/appeal-event.publisher';
import { appealFacts } from '../appeals/appeal-events';
import { AppealEntity } from '../appeals/appeal.entity';
import { AppealAnswerEntity } from '../lifecycle/appeal-answer.entity';
import { AppealAction, transition } from '../lifecycle/appeal-lifecycle';
import { nextDueAt } from '../lifecycle/appeal-workflow';
import { appendTimeline, readTimeline } from '../timeline/timeline';
import { FeedbackDto, NotResolvedDto } from './dto/resident-response.dto';
import { trackingCodeMatches } from './tracking-code';
import { toTrackingView, TrackingView } from './tracking.view';

/** The resident's side: follow the appeal, say "not resolved", rate the answer. */
@Injectable()
export class TrackingService {
  private readonly logger = new Logger(TrackingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AppealEventPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  async track(registrationNumber: string, trackingCode: string | undefined): Promise<TrackingView> {
    const manager = this.dataSource.manager;
    const appeal = await this.authenticate(manager, registrationNumber, trackingCode, false);
    const answers = await manager.find(AppealAnswerEntity, {
      where: { appealId: appeal.id },
      order: { answeredAt: 'ASC' },
    });
    return toTrackingView(appeal, answers, await readTimeline(manager, appeal.id), this.reopenUntil(appeal));
  }

  notResolved(registrationNumber: string, dto: NotResolvedDto, correlationId: string): Promise<TrackingView> {
    return this.act(registrationNumber, dto.trackingCode, 'reopen', correlationId, async (manager, appeal, next) => {
      const until = this.reopenUntil(appeal);
      if (!until || new Date() > until) {
        throw new ConflictException(
          `"not resolved" is accepted within ${this.config.REOPEN_WINDOW_DAYS} days of the full answer`,
        );
      }
      const now = new Date();
      appeal.status = next;
      appeal.nextDueAt = nextDueAt(appeal);
      await manager.save(AppealEntity, appeal);
      await appendTimeline(manager, {
        appealId: appeal.id,
        kind: 'reopened',
        at: now,
        details: { comment: dto.comment },
      });
      await this.events.publish(
        manager,
        'appeal.reopened',
        {
          ...appealFacts(appeal),
          reopenedAt: now.toISOString(),
          comment: dto.comment,
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
    });
  }

  giveFeedback(registrationNumber: string, dto: FeedbackDto, correlationId: string): Promise<TrackingView> {
    return this.act(registrationNumber, dto.trackingCode, 'give_feedback', correlationId, async (manager, appeal) => {
      if (appeal.feedbackAt) throw new ConflictException('feedback has already been given for this appeal');
      const now = new Date();
      appeal.feedbackRating = dto.rating;
      appeal.feedbackComment = dto.comment ?? null;
      appeal.feedbackAt = now;
      await manager.save(AppealEntity, appeal);
      await appendTimeline(manager, { appealId: appeal.id, kind: 'feedback_given', at: now });
      await this.events.publish(
        manager,
        'appeal.feedback_given',
        {
          ...appealFacts(appeal),
          givenAt: now.toISOString(),
          rating: dto.rating,
          comment: dto.comment,
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
    });
  }

  private async act(
    registrationNumber: string,
    trackingCode: string,
    action: AppealAction,
    correlationId: string,
    work: (manager: EntityManager, appeal: AppealEntity, next: AppealEntity['status']) => Promise<void>,
  ): Promise<TrackingView> {
    await this.dataSource.transaction(async (manager) => {
      const appeal = await this.authenticate(manager, registrationNumber, trackingCode, true);
      const result = transition(appeal.status, action);
      if (!result.allowed) throw new ConflictException(result.reason);
      await work(manager, appeal, result.to);
    });
    return this.track(registrationNumber, trackingCode);
  }

  /** An unknown number and a wrong code answer the same 404, so neither can be probed. */
  private async authenticate(
    manager: EntityManager,
    registrationNumber: string,
    trackingCode: string | undefined,
    forUpdate: boolean,
  ): Promise<AppealEntity> {
    const appeal = await manager.findOne(AppealEntity, {
      where: { registrationNumber },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!appeal || !trackingCodeMatches(appeal.trackingCode, trackingCode)) {
      // Every refused attempt is logged (the code never is), so guessing shows in the logs.
      this.logger.warn({ registrationNumber, knownNumber: appeal !== null }, 'tracking code refused');
      throw new NotFoundException('no appeal with this registration number and tracking code');
    }
    return appeal;
  }

  private reopenUntil(appeal: AppealEntity): Date | null {
    if (!appeal.lastFullAnswerAt || !transition(appeal.status, 'reopen').allowed) return null;
    return DateTime.fromJSDate(appeal.lastFullAnswerAt).plus({ days: this.config.REOPEN_WINDOW_DAYS }).toJSDate();
  }
}
