import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #6: every answer clock and reminder, the source of truth that BullMQ's delayed jobs are
 * rebuilt from. A clock is pending until it fires or its answer arrives; the partial index serves
 * the reconciler's scan of pending clocks in firing order. The id is a short bigint because it is
 * also the BullMQ job id (`c<id>`): a short id keeps each job's Redis hash in its compact encoding.
 */
export class DeadlineClocks1764000002200 implements MigrationInterface {
  name = 'DeadlineClocks1764000002200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline_clocks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        appeal_id uuid NOT NULL REFERENCES assignments (appeal_id),
        kind text NOT NULL CHECK (kind IN ('brief_answer', 'full_answer', 'forwarding', 'extension_notice')),
        reminder text NOT NULL,
        due_at timestamptz NOT NULL,
        fire_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'cancelled')),
        fired_at timestamptz,
        -- When its answer came or it moved; a fired due time is stopped too when its answer comes late.
        stopped_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_deadline_clocks_clock UNIQUE (appeal_id, kind, reminder, due_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX idx_deadline_clocks_pending ON deadline_clocks (fire_at, id) WHERE state = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deadline_clocks');
  }
}
