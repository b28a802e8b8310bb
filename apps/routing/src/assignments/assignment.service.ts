import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppealRegisteredV1, buildEnvelope, Envelope } from '@akimat/contracts';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { CategoryRouteEntity } from '../directory/category-route.entity';
import { directorySeed } from '../directory/directory-seed';
import { UnitEntity } from '../directory/unit.entity';
import { AssignmentEntity } from './assignment.entity';
import { decideRouting } from './routing-decision';

@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Assigns a newly registered appeal and publishes `appeal.routed`, in the consumer's transaction. */
  async route(event: Envelope<'appeal.registered', AppealRegisteredV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (await manager.existsBy(AssignmentEntity, { appealId: data.appealId })) return;

    const units = await manager.find(UnitEntity);
    const routes = await manager.find(CategoryRouteEntity);
    const decision = decideRouting(data, {
      knownUnitCodes: new Set(units.map((unit) => unit.code)),
      categoryRoutes: new Map(routes.map((route) => [route.category, route.unitCode])),
      triageUnitCode: directorySeed.triageUnitCode,
    });
    const unit = units.find((candidate) => candidate.code === decision.unitCode);
    if (!unit) throw new Error(`triage unit ${decision.unitCode} is missing from the directory`);

    const routedAt = new Date();
    await manager.insert(AssignmentEntity, {
      appealId: data.appealId,
      registrationNumber: data.registrationNumber,
      category: data.category,
      unitCode: unit.code,
      reason: decision.reason,
      routedAt,
    });
    await this.outbox.add(
      manager,
      buildEnvelope(
        'appeal.routed',
        {
          appealId: data.appealId,
          registrationNumber: data.registrationNumber,
          category: data.category,
          routedAt: routedAt.toISOString(),
          unit: { code: unit.code, nameKk: unit.nameKk, nameRu: unit.nameRu },
          head: {
            name: unit.headName,
            email: unit.headEmail ?? undefined,
            phone: unit.headPhone ?? undefined,
            language: unit.headLanguage,
          },
          reason: decision.reason,
        },
        { producer: this.config.serviceName, correlationId: event.correlationId, subject: data.appealId },
      ),
    );
  }

  async findByAppeal(appealId: string): Promise<AssignmentEntity> {
    const assignment = await this.dataSource.getRepository(AssignmentEntity).findOneBy({ appealId });
    if (!assignment) throw new NotFoundException(`no assignment for appeal ${appealId} yet`);
    return assignment;
  }
}
