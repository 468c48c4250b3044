import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConversation1764547200000 implements MigrationInterface {
  name = 'CreateConversation1764547200000';

  async up(db: QueryRunner): Promise<void> {
    // A deleted comment keeps its row as a tombstone (the thread keeps its shape); its body is cleared.
    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        body text CHECK (char_length(body) BETWEEN 1 AND 10000),
        mentions uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        deleted_at timestamptz(3),
        CHECK ((deleted_at IS NULL) = (body IS NOT NULL))
      )`);
    // The thread pages oldest first by (created_at, id); the live part answers commentCount from the index alone.
    await db.query(`CREATE INDEX comments_by_task ON comments (task_id, created_at, id)`);
    await db.query(`CREATE INDEX comments_live_by_task ON comments (task_id) WHERE deleted_at IS NULL`);

    // At most one notification per activity record and user, whatever raced to write it.
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL
          CHECK (kind IN ('mentioned', 'assigned', 'commented', 'unblocked', 'reminder', 'shared')),
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        actor_id uuid,
        activity_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3),
        UNIQUE (activity_id, user_id)
      )`);
    await db.query(`CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX notifications_unread_by_user ON notifications (user_id, created_at DESC, id DESC)
        WHERE read_at IS NULL`,
    );
    // Kinds a user turned off: { "<kind>": false }; a kind not named is on.
    await db.query(`ALTER TABLE users ADD COLUMN notification_settings jsonb NOT NULL DEFAULT '{}'`);
    // A user's own records in the change feed (notification.created) are found by recipient.
    await db.query(
      `CREATE INDEX activity_personal ON activity (user_id, seq) WHERE event = 'notification.created'`,
    );

    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX attachments_by_task ON attachments (task_id, created_at, id) INCLUDE (size)`,
    );
    // Stored bytes no row owns yet (an upload in flight) or any more (a deleted attachment): removed once due, so a
    // crash between writing bytes and committing, or between committing and removing them, leaves nothing for long.
    await db.query(`
      CREATE TABLE storage_sweep (
        storage_key text PRIMARY KEY,
        due_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX storage_sweep_due ON storage_sweep (due_at)`);
    // However an attachment row goes (its own delete, or a project's cascade), its bytes are queued in that same
    // transaction: nothing outside the database has to remember them.
    await db.query(`
      CREATE FUNCTION sweep_attachment_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO storage_sweep (storage_key, due_at) VALUES (OLD.storage_key, now())
          ON CONFLICT (storage_key) DO UPDATE SET due_at = now();
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER attachments_sweep_bytes AFTER DELETE ON attachments
        FOR EACH ROW EXECUTE FUNCTION sweep_attachment_bytes()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attachments`);
    await db.query(`DROP FUNCTION sweep_attachment_bytes`);
    await db.query(`DROP TABLE storage_sweep`);
    await db.query(`DROP INDEX activity_personal`);
    await db.query(`ALTER TABLE users DROP COLUMN notification_settings`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE comments`);
  }
}
