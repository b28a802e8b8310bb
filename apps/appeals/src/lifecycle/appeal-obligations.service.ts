import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Staff } from '@akimat/contracts';
import { badRequestFor } from '@akimat/service-kit';
import { AppealEventPublisher } from '../appeals/appeal-event.publisher';
import { appealFacts } from '../appeals/appeal-events';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { appendTimeline, TimelineKind } from '../timeline/timeline';
import { ActionResult } from './appeal-actions.service';
import { lockForAction } from './appeal-workflow';
import { ExtensionNoticeDto, OutsideCompetenceDto } from './dto/obligation.dto';

/** A resident's "sent at" may run this far ahead of the server's clock. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The Art. 76 duties staff record so routing can watch them: that an appeal is outside the
 * akimat's competence (forward it within 3 working days), and that the resident was told of an
 * extension (within 3 working days of it). Neither changes the status; each is published once.
 */
@Injectable()
export class AppealObligationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AppealEventPublisher,
  ) {}

  recordOutsideCompetence(appealId: string, dto: OutsideCompetenceDto, actor: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal } = await lockForAction(manager, appealId, 'outside_competence');
      const [earlier] = await latestEntries(manager, appealId, ['outside_competence']);
      if (earlier) {
        throw new ConflictException(`already recorded as outside the akimat’s competence on ${earlier.at.toISOString()}`);
      }
      const now = new Date();
      await appendTimeline(manager, { appealId, kind: 'outside_competence', at: now, actorName: actor.name, details: { reason: dto.reason } });
      await this.events.publish(
        manager,
        'appeal.outside_competence',
        { ...appealFacts(appeal), decidedAt: now.toISOString(), decidedBy: actor, reason: dto.reason },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
      return { id: appeal.id, registrationNumber: appeal.registrationNumber, status: appeal.status };
    });
  }

  recordExtensionNotice(appealId: string, dto: ExtensionNoticeDto, actor: Staff, correlationId: string): Promise<ActionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { appeal } = await lockForAction(manager, appealId, 'extension_notice');
      const [latest] = await latestEntries(manager, appealId, ['extended', 'extension_notified']);
      if (!latest) throw new ConflictException('the appeal has not been extended, so there is no extension to tell the resident of');
      if (latest.kind === 'extension_notified') {
        throw new ConflictException(`the resident was already told of the latest extension (recorded ${latest.at.toISOString()})`);
      }
      const now = new Date();
      const sentAt = dto.sentAt ? new Date(dto.sentAt) : now;
      checkSentAt(sentAt, latest.at, now);
      await appendTimeline(manager, {
        appealId,
        kind: 'extension_notified',
        at: now,
        actorName: actor.name,
        details: { channel: dto.channel, sentAt: sentAt.toISOString() },
      });
      await this.events.publish(
        manager,
        'appeal.extension_notified',
        {
          ...appealFacts(appeal),
          channel: dto.channel,
          sentAt: sentAt.toISOString(),
          recordedAt: now.toISOString(),
          recordedBy: actor,
          newDueAt: appeal.fullDueAt?.toISOString(),
        },
        { subject: appeal.id, correlationId, occurredAt: now },
      );
      return { id: appeal.id, registrationNumber: appeal.registrationNumber, status: appeal.status };
    });
  }
}

function latestEntries(manager: EntityManager, appealId: string, kinds: TimelineKind[]): Promise<TimelineEntryEntity[]> {
  return manager.find(TimelineEntryEntity, { where: { appealId, kind: In(kinds) }, order: { id: 'DESC' }, take: 1 });
}

function checkSentAt(sentAt: Date, extendedAt: Date, now: Date): void {
  if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badRequestFor([{ field: 'sentAt', rule: 'notInFuture', message: 'sentAt must not be in the future' }]);
  }
  if (sentAt < extendedAt) {
    throw badRequestFor([
      { field: 'sentAt', rule: 'notBeforeExtension', message: `sentAt must not be before the extension (${extendedAt.toISOString()})` },
    ]);
  }
}
