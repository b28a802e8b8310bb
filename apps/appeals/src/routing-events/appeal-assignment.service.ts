import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealRoutedV1, Envelope } from '@akimat/contracts';
import { PermanentEventError } from '@akimat/service-kit';
import { AppealEntity } from '../appeals/appeal.entity';

/** Keeps the appeal card's view of where routing sent it. */
@Injectable()
export class AppealAssignmentService {
  async recordRouting(event: Envelope<'appeal.routed', AppealRoutedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const result = await manager.update(
      AppealEntity,
      { id: data.appealId },
      {
        status: 'routed',
        assignedUnitCode: data.unit.code,
        assignedUnitNameKk: data.unit.nameKk,
        assignedUnitNameRu: data.unit.nameRu,
        assignmentReason: data.reason,
        routedAt: new Date(data.routedAt),
      },
    );
    if (result.affected === 0) throw new PermanentEventError(`appeal ${data.appealId} is unknown here`);
  }
}
