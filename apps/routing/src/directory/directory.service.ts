import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitEntity } from './unit.entity';

@Injectable()
export class DirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<UnitEntity[]> {
    return this.dataSource.getRepository(UnitEntity).find({ order: { kind: 'ASC', code: 'ASC' } });
  }
}
