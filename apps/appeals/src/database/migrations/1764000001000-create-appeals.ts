import { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES: [code: string, kk: string, ru: string][] = [
  ['housing', 'Тұрғын үй', 'Жильё'],
  ['land_architecture', 'Жер және сәулет', 'Земля и архитектура'],
  ['agriculture', 'Ауыл шаруашылығы', 'Сельское хозяйство'],
  ['social_support', 'Әлеуметтік қолдау', 'Социальная поддержка'],
  ['utilities', 'Коммуналдық қызметтер', 'Коммунальные услуги'],
  ['roads_transport', 'Жолдар және көлік', 'Дороги и транспорт'],
  ['employment', 'Жұмыспен қамту', 'Занятость'],
  ['education', 'Білім беру', 'Образование'],
  ['health', 'Денсаулық сақтау', 'Здравоохранение'],
  ['other', 'Басқа', 'Другое'],
];

export class CreateAppeals1764000001000 implements MigrationInterface {
  name = 'CreateAppeals1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appeal_categories (
        code text PRIMARY KEY,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    for (const [code, kk, ru] of CATEGORIES) {
      await queryRunner.query('INSERT INTO appeal_categories (code, name_kk, name_ru) VALUES ($1, $2, $3)', [
        code,
        kk,
        ru,
      ]);
    }
    // One row per prefix and year; incremented under a row lock inside the registering
    // transaction, so numbers are sequential with no gaps or duplicates.
    await queryRunner.query(`
      CREATE TABLE registration_counters (
        prefix text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE appeals (
        id uuid PRIMARY KEY,
        registration_number text NOT NULL UNIQUE,
        tracking_code text NOT NULL UNIQUE,
        status text NOT NULL,
        category text NOT NULL REFERENCES appeal_categories (code),
        channel text NOT NULL,
        text text NOT NULL,
        anonymous boolean NOT NULL,
        resident_name text,
        resident_iin text,
        resident_phone text,
        resident_email text,
        resident_language text NOT NULL,
        locality text,
        preferred_unit_code text,
        received_by text,
        registered_at timestamptz NOT NULL,
        assigned_unit_code text,
        assigned_unit_name_kk text,
        assigned_unit_name_ru text,
        assignment_reason text,
        routed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX idx_appeals_registered_at ON appeals (registered_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appeals');
    await queryRunner.query('DROP TABLE registration_counters');
    await queryRunner.query('DROP TABLE appeal_categories');
  }
}
