import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what, when and from where, in every service (issue #10). Append-only: a trigger refuses
 * UPDATE, DELETE and TRUNCATE, so not even the service itself can rewrite history.
 */
export class CreateAuditTrail1795600000000 implements MigrationInterface {
  name = 'CreateAuditTrail1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_trail (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor_name text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        target text,
        outcome smallint NOT NULL,
        source_ip text,
        correlation_id text
      )`);
    await queryRunner.query('CREATE INDEX idx_audit_trail_target ON audit_trail (target, id)');
    await queryRunner.query('CREATE INDEX idx_audit_trail_actor ON audit_trail (actor_id, id)');
    await queryRunner.query(`
      CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_trail_no_rewrite BEFORE UPDATE OR DELETE ON audit_trail
      FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
      FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_trail');
    await queryRunner.query('DROP FUNCTION audit_trail_is_append_only()');
  }
}
