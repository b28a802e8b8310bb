import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRouting1764000002000 implements MigrationInterface {
  name = 'CreateRouting1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE units (
        code text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('triage', 'department', 'rural_district')),
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        head_name text NOT NULL,
        head_position text NOT NULL,
        head_phone text,
        head_email text,
        head_language text NOT NULL CHECK (head_language IN ('kk', 'ru')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE category_routes (
        category text PRIMARY KEY,
        unit_code text NOT NULL REFERENCES units (code)
      )`);
    await queryRunner.query(`
      CREATE TABLE assignments (
        appeal_id uuid PRIMARY KEY,
        registration_number text NOT NULL,
        category text NOT NULL,
        unit_code text NOT NULL REFERENCES units (code),
        reason text NOT NULL,
        routed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX idx_assignments_unit_code ON assignments (unit_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE assignments');
    await queryRunner.query('DROP TABLE category_routes');
    await queryRunner.query('DROP TABLE units');
  }
}
