import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { buildEnvelope } from '@akimat/contracts';
import { badRequestFor, OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { AppealCategoryEntity } from './appeal-category.entity';
import { AppealEntity } from './appeal.entity';
import { AppealView, toAppealView } from './dto/appeal.view';
import { CreateAppealDto } from './dto/create-appeal.dto';
import { formatRegistrationNumber, newTrackingCode, nextRegistrationSequence } from './registration-number';

export interface RegisteredAppeal {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: AppealEntity['status'];
}

@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  /** Registers the appeal and its `appeal.registered` event in one transaction. */
  async register(dto: CreateAppealDto, correlationId: string): Promise<RegisteredAppeal> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCategoryInCatalogue(manager, dto.category);
      const now = DateTime.now().setZone(this.config.OFFICE_TIME_ZONE);
      const sequence = await nextRegistrationSequence(manager, this.config.REGISTRATION_PREFIX, now.year);
      const appeal = manager.create(AppealEntity, {
        id: randomUUID(),
        registrationNumber: formatRegistrationNumber(this.config.REGISTRATION_PREFIX, now.year, sequence),
        trackingCode: newTrackingCode(),
        status: 'registered',
        category: dto.category,
        channel: dto.channel,
        text: dto.text,
        anonymous: dto.anonymous ?? false,
        residentName: dto.resident?.fullName ?? null,
        residentIin: dto.resident?.iin ?? null,
        residentPhone: dto.resident?.phone ?? null,
        residentEmail: dto.resident?.email ?? null,
        residentLanguage: dto.resident?.language ?? 'kk',
        locality: dto.locality ?? null,
        preferredUnitCode: dto.preferredUnitCode ?? null,
        receivedBy: dto.receivedBy ?? null,
        registeredAt: now.toJSDate(),
      });
      await manager.insert(AppealEntity, appeal);
      await this.outbox.add(manager, this.registeredEvent(appeal, correlationId));
      return {
        id: appeal.id,
        registrationNumber: appeal.registrationNumber,
        trackingCode: appeal.trackingCode,
        status: appeal.status,
      };
    });
  }

  async findOne(id: string): Promise<AppealView> {
    const appeal = await this.dataSource.getRepository(AppealEntity).findOneBy({ id });
    if (!appeal) throw new NotFoundException(`appeal ${id} not found`);
    return toAppealView(appeal);
  }

  private async assertCategoryInCatalogue(manager: EntityManager, code: string): Promise<void> {
    const known = await manager.existsBy(AppealCategoryEntity, { code, active: true });
    if (!known) {
      throw badRequestFor([{ field: 'category', rule: 'inCatalogue', message: `category "${code}" is not in the catalogue` }]);
    }
  }

  private registeredEvent(appeal: AppealEntity, correlationId: string) {
    return buildEnvelope(
      'appeal.registered',
      {
        appealId: appeal.id,
        registrationNumber: appeal.registrationNumber,
        registeredAt: appeal.registeredAt.toISOString(),
        category: appeal.category,
        channel: appeal.channel as 'reception',
        locality: appeal.locality ?? undefined,
        preferredUnitCode: appeal.preferredUnitCode ?? undefined,
        anonymous: appeal.anonymous,
        resident:
          appeal.anonymous || !appeal.residentName
            ? undefined
            : {
                name: appeal.residentName,
                phone: appeal.residentPhone ?? undefined,
                email: appeal.residentEmail ?? undefined,
                language: appeal.residentLanguage,
              },
        text: appeal.text,
      },
      { producer: this.config.serviceName, correlationId, subject: appeal.id },
    );
  }
}
