import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #9: each delivery keeps its event's correlation id, which the worker logs when it sends. */
export class DeliveryCorrelation1764000003200 implements MigrationInterface {
  name = 'DeliveryCorrelation1764000003200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries ADD COLUMN correlation_id text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries DROP COLUMN correlation_id');
  }
}
