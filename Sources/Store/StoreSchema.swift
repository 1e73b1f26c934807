import SQLite

/// The schema, as migrations keyed by `user_version`.
///
/// Choices, and where they come from:
/// - STRICT tables (https://sqlite.org/stricttables.html) refuse a value of the wrong type instead of storing it.
/// - AUTOINCREMENT (https://sqlite.org/autoinc.html) never hands out an id again after its row is deleted, and
///   continues above the largest id ever stored, so ids imported as they were stay unique and later ones follow.
/// - Every column that references another table has an index, which SQLite needs to check or cascade a delete
///   of the parent without scanning the child table (https://sqlite.org/foreignkeys.html#fk_indexes); the same
///   indexes answer `referrers(ofContact:)`.
/// - Deleting an application deletes its events (CASCADE) and, through them, their interviewers and violations.
///   An offer disclosure on another application that names it keeps its event with `other_application_id` set
///   to NULL: the record of having disclosed stays, and the delete never fails because of someone else's timeline.
/// - References to contacts have no ON DELETE action, so deleting a contact still in use fails with a FOREIGN KEY
///   error; `WriteTransaction.deleteContact` looks for referrers first to say which.
/// - Version 2: the events' contact, follow-up contact and other-application columns are empty on most events (a
///   note names nobody), so their indexes hold only the rows where they are set
///   (https://sqlite.org/partialindex.html). A lookup `column = ?` still uses them, since it implies the column is
///   not NULL (§2.1 there), and every event written touches one index fewer per empty column.
/// - Version 3: the reminders. `channels` are where messages go; `deliveries` is the outbox, each message written
///   before it is sent and kept with its outcome; `reminder_marks` holds, per channel, each item phase already
///   queued (or already due when the channel was made), so that a phase is queued at most once; `snoozes` hide an
///   agenda item until an instant; `used_links` holds the nonces of the one-tap links already used. Deleting a
///   channel deletes its deliveries and marks, deleting an application its snoozes (CASCADE); purging a delivery
///   keeps its mark, with `delivery_id` set to NULL. Two CHECKs keep the outbox what the queries take it to be:
///   a delivery has a next attempt exactly while it is `pending` or `failed`, so the partial index `deliveries_due`
///   holds the outbox and nothing else. A snooze's `contact_id` references nothing: it names the contact of an
///   agenda item, and a snooze must not keep a contact from being deleted once nothing else names it.
/// - Version 4: the outbox indexed by channel as well (`deliveries_due_by_channel`, only the deliveries waiting), so
///   that the sender finds each free channel's next deliveries without passing over those of the channels in flight.
enum StoreSchema {
    /// Every migration, in order.
    static let migrator = Migrator([
        Migration(version: 1, name: "create contacts, applications, events, settings, idempotency keys") {
            try $0.execute(version1)
        },
        Migration(version: 2, name: "index the events' contact and other-application references only where set") {
            try $0.execute(version2)
        },
        Migration(version: 3, name: "create channels, deliveries, reminder marks, snoozes, used links") {
            try $0.execute(version3)
        },
        Migration(version: 4, name: "index the deliveries waiting by channel") {
            try $0.execute(version4)
        },
    ])

    /// The schema version this binary writes.
    static var currentVersion: Int { migrator.newestVersion }

    static let version1 = """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            title TEXT,
            organization TEXT,
            email TEXT,
            phone TEXT,
            role TEXT,
            notes TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
        ) STRICT;

        CREATE TABLE applications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            employer TEXT,
            position TEXT,
            route TEXT NOT NULL,
            recruiter_id INTEGER REFERENCES contacts(id),
            direct_contact_permitted INTEGER NOT NULL DEFAULT 0 CHECK (direct_contact_permitted IN (0, 1)),
            status TEXT NOT NULL DEFAULT 'active',
            notes TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
        ) STRICT;

        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            contact_id INTEGER REFERENCES contacts(id),
            channel TEXT,
            note TEXT,
            follow_up_after TEXT,
            follow_up_contact_id INTEGER REFERENCES contacts(id),
            follow_up_channel TEXT,
            decision_expected_by TEXT,
            other_application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE event_interviewers (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            PRIMARY KEY (event_id, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE event_violations (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (event_id, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE idempotency_keys (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL,
            body BLOB NOT NULL,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE INDEX events_by_application_time ON events(application_id, occurred_at, id);
        CREATE INDEX events_by_contact ON events(contact_id);
        CREATE INDEX events_by_follow_up_contact ON events(follow_up_contact_id);
        CREATE INDEX events_by_other_application ON events(other_application_id);
        CREATE INDEX event_interviewers_by_contact ON event_interviewers(contact_id);
        CREATE INDEX applications_by_status ON applications(status);
        CREATE INDEX applications_by_route ON applications(route);
        CREATE INDEX applications_by_recruiter ON applications(recruiter_id);
        CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys(created_at);
        """

    static let version2 = """
        DROP INDEX events_by_contact;
        DROP INDEX events_by_follow_up_contact;
        DROP INDEX events_by_other_application;
        CREATE INDEX events_by_contact ON events(contact_id) WHERE contact_id IS NOT NULL;
        CREATE INDEX events_by_follow_up_contact ON events(follow_up_contact_id) WHERE follow_up_contact_id IS NOT NULL;
        CREATE INDEX events_by_other_application ON events(other_application_id) WHERE other_application_id IS NOT NULL;
        """

    static let version3 = """
        CREATE TABLE channels (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('webhook', 'ntfy', 'gotify', 'apprise')),
            url TEXT NOT NULL,
            token TEXT,
            secret TEXT,
            previous_secret TEXT,
            previous_secret_until INTEGER,
            enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            disabled_reason TEXT,
            mode TEXT NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'digest')),
            digest_at TEXT NOT NULL DEFAULT '08:00',
            actions TEXT NOT NULL,
            gave_up_in_row INTEGER NOT NULL DEFAULT 0 CHECK (gave_up_in_row >= 0),
            last_digest_date TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
        ) STRICT;

        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
            message_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            item_key TEXT,
            body TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'gave_up')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_status INTEGER,
            last_error TEXT,
            next_attempt_at INTEGER,
            created_at INTEGER NOT NULL,
            delivered_at INTEGER,
            CHECK ((next_attempt_at IS NOT NULL) = (status IN ('pending', 'failed')))
        ) STRICT;

        CREATE TABLE reminder_marks (
            channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('due', 'overdue')),
            delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, item_key, phase)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE snoozes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            contact_id INTEGER,
            until INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE used_links (
            nonce TEXT PRIMARY KEY,
            used_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX deliveries_due ON deliveries(next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        CREATE INDEX deliveries_channel ON deliveries(channel_id, id);
        CREATE INDEX reminder_marks_by_delivery ON reminder_marks(delivery_id) WHERE delivery_id IS NOT NULL;
        CREATE INDEX snoozes_by_application ON snoozes(application_id);
        CREATE INDEX snoozes_by_until ON snoozes(until);
        """

    static let version4 = """
        CREATE INDEX deliveries_due_by_channel ON deliveries(channel_id, next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        """
}
