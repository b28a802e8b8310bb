import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #5: versioned routing rules replace the one-route-per-category table, units get a revision
 * (so copies elsewhere apply changes in order) and an active flag, and every decision is kept.
 * `routing_table_state.revision` moves with every rule or unit change, so each instance can tell
 * with one cheap read whether its cached rules are stale.
 */
export class RoutingRules1764000002100 implements MigrationInterface {
  name = 'RoutingRules1764000002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE units
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        ADD COLUMN updated_by text`);
    await queryRunner.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        priority integer NOT NULL,
        enabled boolean NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        categories text[] NOT NULL DEFAULT '{}',
        localities text[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL DEFAULT '{}',
        target_unit_code text NOT NULL REFERENCES units (code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX idx_routing_rules_priority ON routing_rules (priority, name)');
    await queryRunner.query(`
      CREATE TABLE routing_rule_versions (
        rule_id uuid NOT NULL REFERENCES routing_rules (id),
        version integer NOT NULL,
        name text NOT NULL,
        priority integer NOT NULL,
        enabled boolean NOT NULL,
        categories text[] NOT NULL,
        localities text[] NOT NULL,
        keywords text[] NOT NULL,
        channels text[] NOT NULL,
        target_unit_code text NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, version)
      )`);
    await queryRunner.query(`
      WITH moved AS (
        INSERT INTO routing_rules (id, name, priority, enabled, version, categories, target_unit_code)
        SELECT gen_random_uuid(), 'Category ' || category, 100, true, 1, ARRAY[category], unit_code FROM category_routes
        RETURNING *
      )
      INSERT INTO routing_rule_versions
        (rule_id, version, name, priority, enabled, categories, localities, keywords, channels, target_unit_code, changed_by)
      SELECT id, 1, name, priority, enabled, categories, localities, keywords, channels, target_unit_code, 'migration' FROM moved`);
    await queryRunner.query('DROP TABLE category_routes');
    await queryRunner.query(`
      CREATE TABLE routing_table_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        revision bigint NOT NULL
      )`);
    await queryRunner.query('INSERT INTO routing_table_state (revision) VALUES (1)');

    await queryRunner.query(`
      ALTER TABLE assignments
        ADD COLUMN rule_id uuid,
        ADD COLUMN rule_version integer,
        ADD COLUMN registered_at timestamptz,
        ADD COLUMN answer_required boolean NOT NULL DEFAULT true,
        ADD COLUMN deadlines_from timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query('UPDATE assignments SET registered_at = routed_at, deadlines_from = routed_at');
    await queryRunner.query(`
      ALTER TABLE assignments
        ALTER COLUMN registered_at SET NOT NULL,
        ALTER COLUMN deadlines_from SET NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE assignment_history (
        id bigserial PRIMARY KEY,
        appeal_id uuid NOT NULL REFERENCES assignments (appeal_id),
        kind text NOT NULL CHECK (kind IN ('routed', 'reassigned')),
        unit_code text NOT NULL REFERENCES units (code),
        from_unit_code text REFERENCES units (code),
        rule_id uuid,
        rule_version integer,
        reason text NOT NULL,
        actor_name text,
        actor_position text,
        decided_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX idx_assignment_history_appeal ON assignment_history (appeal_id, id)');
    await queryRunner.query(`
      INSERT INTO assignment_history (appeal_id, kind, unit_code, reason, decided_at)
      SELECT appeal_id, 'routed', unit_code, reason, routed_at FROM assignments`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE assignment_history');
    await queryRunner.query(`
      ALTER TABLE assignments
        DROP COLUMN rule_id, DROP COLUMN rule_version, DROP COLUMN registered_at,
        DROP COLUMN answer_required, DROP COLUMN deadlines_from, DROP COLUMN updated_at`);
    await queryRunner.query('DROP TABLE routing_table_state');
    await queryRunner.query(`
      CREATE TABLE category_routes (
        category text PRIMARY KEY,
        unit_code text NOT NULL REFERENCES units (code)
      )`);
    // Only a plain one-category rule has a category-route equivalent; the first by priority wins.
    await queryRunner.query(`
      INSERT INTO category_routes (category, unit_code)
      SELECT DISTINCT ON (categories[1]) categories[1], target_unit_code FROM routing_rules
      WHERE enabled AND cardinality(categories) = 1 AND localities = '{}' AND keywords = '{}' AND channels = '{}'
      ORDER BY categories[1], priority, name`);
    await queryRunner.query('DROP TABLE routing_rule_versions');
    await queryRunner.query('DROP TABLE routing_rules');
    await queryRunner.query('ALTER TABLE units DROP COLUMN active, DROP COLUMN revision, DROP COLUMN updated_by');
  }
}
