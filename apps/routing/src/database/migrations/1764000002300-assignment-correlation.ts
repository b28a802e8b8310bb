import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #9: the correlation id of the request that registered the appeal, so the events its clocks
 * fire weeks later carry it too and one grep follows the appeal across the four services.
 */
export class AssignmentCorrelation1764000002300 implements MigrationInterface {
  name = 'AssignmentCorrelation1764000002300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE assignments ADD COLUMN correlation_id text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE assignments DROP COLUMN correlation_id');
  }
}
