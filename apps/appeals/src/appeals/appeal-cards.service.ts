import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppealAnswerEntity } from '../lifecycle/appeal-answer.entity';
import { readTimeline } from '../timeline/timeline';
import { AppealEntity } from './appeal.entity';
import { AppealView, toAppealView } from './dto/appeal.view';

/** Reads one appeal card with its answers and timeline. */
@Injectable()
export class AppealCardsService {
  constructor(private readonly dataSource: DataSource) {}

  async findEntity(id: string): Promise<AppealEntity> {
    const appeal = await this.dataSource.getRepository(AppealEntity).findOneBy({ id });
    if (!appeal) throw new NotFoundException(`appeal ${id} not found`);
    return appeal;
  }

  async findOne(id: string): Promise<AppealView> {
    const appeal = await this.findEntity(id);
    const manager = this.dataSource.manager;
    const answers = await manager.find(AppealAnswerEntity, { where: { appealId: id }, order: { answeredAt: 'ASC' } });
    return toAppealView(appeal, answers, await readTimeline(manager, id));
  }
}
