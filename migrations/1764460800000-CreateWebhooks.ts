import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1764460800000 implements MigrationInterface {
  name = 'CreateWebhooks1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        url text NOT NULL,
        -- Event names, or '*' for every event.
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        -- AES-256-GCM: signing needs the secret itself, so it is encrypted rather than hashed.
        secret_encrypted text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz(3),
        -- Deliveries in a row that failed every attempt; reaching the limit disables the webhook.
        consecutive_failures integer NOT NULL DEFAULT 0,
        -- The last activity seq drawn when the webhook was created or re-enabled: it hears only of what comes after.
        -- Set here rather than by the queue, which may be behind and would otherwise deliver older records.
        after_seq bigint NOT NULL DEFAULT coalesce(pg_sequence_last_value('activity_seq'), 0),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX webhooks_by_project ON webhooks (project_id, created_at, id)`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        seq bigint NOT NULL,
        event text NOT NULL,
        -- The exact bytes sent (and signed), so every attempt and redelivery sends the same body.
        payload text NOT NULL,
        redelivery_of uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) DEFAULT now(),
        -- Held by the instance attempting it; a lease outlives the timeout and lapses if its holder dies.
        leased_until timestamptz(3),
        last_attempt_at timestamptz(3),
        response_status integer,
        duration_ms integer,
        error text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One delivery per (activity record, webhook); redeliveries are further rows that point at the original.
    await db.query(
      `CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (webhook_id, activity_id)
        WHERE redelivery_of IS NULL`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhooks`);
  }
}
