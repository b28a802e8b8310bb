import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCounters1764000004000 implements MigrationInterface {
  name = 'CreateCounters1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Aggregates only, never personal data: the table can be dropped and rebuilt by replaying
    // the topics into an empty consumer group.
    await queryRunner.query(`
      CREATE TABLE counters (
        metric text NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        value bigint NOT NULL CHECK (value >= 0),
        PRIMARY KEY (metric, dimension, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE counters');
  }
}
