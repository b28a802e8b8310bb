import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables the figures are computed from, in a schema of choice: the live service creates them in
 * `public`, the rebuild in a shadow schema it swaps in. No column can hold personal data: codes,
 * instants, flags, hours, a 1–5 rating, and the receiving official's name (staff, not a resident).
 */
export function factTablesDdl(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE TABLE ${s}.appeal_facts (
      appeal_id uuid PRIMARY KEY,
      category text,
      registered_at timestamptz,
      channel text,
      locality text,
      reception_session_id uuid,
      received_by text,
      answer_required boolean,
      unit_code text,
      unit_at timestamptz,
      routed_at timestamptz,
      brief_due_at timestamptz,
      full_due_at timestamptz,
      extended_due_at timestamptz,
      brief_answered_at timestamptz,
      brief_unit_code text,
      brief_on_time boolean,
      brief_hours double precision,
      full_answered_at timestamptz,
      full_unit_code text,
      full_on_time boolean,
      full_hours double precision,
      outcome text,
      forwarded_at timestamptz,
      reopened_at timestamptz,
      closed_at timestamptz,
      rating smallint CHECK (rating BETWEEN 1 AND 5),
      rated_at timestamptz
    )`,
    `CREATE INDEX appeal_facts_registered_at ON ${s}.appeal_facts (registered_at)`,
    `CREATE TABLE ${s}.appeal_reassignments (
      event_id uuid PRIMARY KEY,
      appeal_id uuid NOT NULL,
      from_unit_code text NOT NULL,
      unit_code text NOT NULL,
      reassigned_at timestamptz NOT NULL
    )`,
    `CREATE TABLE ${s}.deadline_misses (
      event_id uuid PRIMARY KEY,
      appeal_id uuid NOT NULL,
      kind text NOT NULL,
      unit_code text NOT NULL,
      due_at timestamptz NOT NULL
    )`,
    `CREATE TABLE ${s}.service_facts (
      visit_id uuid PRIMARY KEY,
      sector text NOT NULL,
      service text NOT NULL,
      rendered_at timestamptz NOT NULL
    )`,
    `CREATE INDEX service_facts_rendered_at ON ${s}.service_facts (rendered_at)`,
  ];
}

const FACT_TABLES = ['appeal_facts', 'appeal_reassignments', 'deadline_misses', 'service_facts'];

/** Per-appeal and per-visit facts replace the bare counters: periods, medians and "open now" need rows. */
export class CreateFacts1764000004100 implements MigrationInterface {
  name = 'CreateFacts1764000004100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of factTablesDdl('public')) await queryRunner.query(sql);
    await queryRunner.query('DROP TABLE counters');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FACT_TABLES) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`
      CREATE TABLE counters (
        metric text NOT NULL, dimension text NOT NULL, key text NOT NULL,
        value bigint NOT NULL CHECK (value >= 0), PRIMARY KEY (metric, dimension, key)
      )`);
  }
}
