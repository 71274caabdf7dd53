//! The central schema, in its own schema `frontdesk`, one step per version (recorded in
//! `frontdesk.schema_version`), and the roles `server init` makes.
//!
//! The tables have the local log's columns (see `store::outbox::SYNCED_VISITS` and
//! `SYNCED_CHILDREN`): visits keep times as milliseconds since 1970 (UTC) as the desk does, so
//! a figure is computed the same way in both places. Visits also carry the version the desk
//! last sent and whether the desk undid the visit (a tombstone: its other columns are empty
//! and reports count it nowhere); child rows carry their desk, so row-level security can check
//! every row on its own.
//!
//! Row-level security: a desk's role is listed in `frontdesk.desks` with its desk, and may
//! read, add and change only that desk's rows, and delete only that desk's tombstones. A
//! report role is listed in `frontdesk.readers` and may read everything, change nothing.
//! The owner (who ran `server init`) is not limited: `catalogue publish` and
//! `purge --central` use the owner's URL.

use tokio_postgres::{Client, GenericClient};

use super::{Central, CentralError};
use crate::store::outbox::SYNCED_VISITS;

/// Each step takes the schema from version `index` to `index + 1`. Steps are only added.
const STEPS: &[&str] = &[
    // Version 1: visits and their parts, the desks' and readers' roles, catalogues, policies.
    r#"
    CREATE TABLE frontdesk.visits (
        id uuid PRIMARY KEY,
        version bigint NOT NULL,
        undone boolean NOT NULL DEFAULT false,
        started_at bigint NOT NULL,
        ended_at bigint,
        desk text NOT NULL,
        staff text,
        outcome text,
        online text,
        feedback text,
        note text,
        catalogue_version text,
        script_id text,
        script_version text,
        script_path text,
        synced_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX visits_by_start ON frontdesk.visits (started_at);
    CREATE INDEX visits_by_desk_and_start ON frontdesk.visits (desk, started_at);
    CREATE TABLE frontdesk.visit_services (
        visit_id uuid NOT NULL REFERENCES frontdesk.visits (id) ON DELETE CASCADE,
        desk text NOT NULL,
        position integer NOT NULL,
        service_id text NOT NULL,
        outcome text,
        PRIMARY KEY (visit_id, position)
    );
    CREATE TABLE frontdesk.visit_partners (
        visit_id uuid NOT NULL REFERENCES frontdesk.visits (id) ON DELETE CASCADE,
        desk text NOT NULL,
        position integer NOT NULL,
        partner_id text NOT NULL,
        PRIMARY KEY (visit_id, position)
    );
    CREATE TABLE frontdesk.visit_reasons (
        visit_id uuid NOT NULL REFERENCES frontdesk.visits (id) ON DELETE CASCADE,
        desk text NOT NULL,
        position integer NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (visit_id, position)
    );
    CREATE TABLE frontdesk.desks (
        role name PRIMARY KEY,
        desk text NOT NULL
    );
    CREATE TABLE frontdesk.readers (
        role name PRIMARY KEY
    );
    CREATE TABLE frontdesk.catalogues (
        seq bigserial UNIQUE,
        version text PRIMARY KEY,
        published_at timestamptz NOT NULL DEFAULT now(),
        files jsonb NOT NULL
    );

    ALTER TABLE frontdesk.desks ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_entry ON frontdesk.desks FOR SELECT USING (role = current_user);
    ALTER TABLE frontdesk.readers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_entry ON frontdesk.readers FOR SELECT USING (role = current_user);

    ALTER TABLE frontdesk.visits ENABLE ROW LEVEL SECURITY;
    CREATE POLICY desk_reads ON frontdesk.visits FOR SELECT
        USING (desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user));
    CREATE POLICY reader_reads ON frontdesk.visits FOR SELECT
        USING (EXISTS (SELECT 1 FROM frontdesk.readers r WHERE r.role = current_user));
    CREATE POLICY desk_adds ON frontdesk.visits FOR INSERT
        WITH CHECK (desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user));
    CREATE POLICY desk_changes ON frontdesk.visits FOR UPDATE
        USING (desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user))
        WITH CHECK (desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user));
    CREATE POLICY desk_deletes_tombstones ON frontdesk.visits FOR DELETE
        USING (undone AND desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user));
    "#,
    // Version 2: what the desks' logs gained in their steps 5 and 6: how each partner was
    // passed on (signpost or referral) and the resident's consent to a referral; value or
    // failure demand, how a resident was helped online, and the desk's local day and hour.
    r#"
    ALTER TABLE frontdesk.visit_partners ADD COLUMN how text NOT NULL DEFAULT 'signpost';
    ALTER TABLE frontdesk.visit_partners ADD COLUMN consent integer;
    ALTER TABLE frontdesk.visits ADD COLUMN demand text;
    ALTER TABLE frontdesk.visits ADD COLUMN assisted_how text;
    ALTER TABLE frontdesk.visits ADD COLUMN local_day integer;
    ALTER TABLE frontdesk.visits ADD COLUMN local_hour integer;
    "#,
    // Version 3: the resident's spoken and written language (the desks' step 8), and the
    // report's counts (see `counts`), made from the visits already here.
    r#"
    ALTER TABLE frontdesk.visits ADD COLUMN spoken_language text;
    ALTER TABLE frontdesk.visits ADD COLUMN written_language text;
    "#,
    // Version 4: a desk adds a visit's parts only under a visit of its own desk (the policy
    // checks the parent visit, not only the part's own `desk`), and parts that another desk
    // put under a visit not its own are removed; report roles read every column but the
    // note (see `reader_grants`, given again to the roles listed after the step).
    r#"
    DELETE FROM frontdesk.visit_services c USING frontdesk.visits v
        WHERE v.id = c.visit_id AND v.desk <> c.desk;
    DELETE FROM frontdesk.visit_partners c USING frontdesk.visits v
        WHERE v.id = c.visit_id AND v.desk <> c.desk;
    DELETE FROM frontdesk.visit_reasons c USING frontdesk.visits v
        WHERE v.id = c.visit_id AND v.desk <> c.desk;
    DO $$
    DECLARE r record;
    BEGIN
        FOR r IN SELECT e.role FROM frontdesk.readers e JOIN pg_roles p ON p.rolname = e.role LOOP
            EXECUTE format('REVOKE SELECT ON frontdesk.visits FROM %I', r.role);
        END LOOP;
    END $$;
    "#,
    // Version 5: the answers to the visits' choice fields (the desks' step 11), one row per
    // answer; its policies are those of the other parts (see `after_step`).
    r#"
    CREATE TABLE frontdesk.visit_choices (
        visit_id uuid NOT NULL REFERENCES frontdesk.visits (id) ON DELETE CASCADE,
        desk text NOT NULL,
        field text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (visit_id, field)
    );
    "#,
    // Version 6: a visit's length is counted only when its start is known (the desks' step
    // 12): the counts are made again from the visits here.
    super::counts::REBUILD,
    // Version 7: each partner on the service it was given for (the desks' step 14): the place
    // of that service on the visit; partners sent before are the visit's first service's.
    r#"
    ALTER TABLE frontdesk.visit_partners ADD COLUMN service_position integer NOT NULL DEFAULT 0;
    UPDATE frontdesk.visit_partners p SET service_position = coalesce((SELECT min(s.position)
        FROM frontdesk.visit_services s WHERE s.visit_id = p.visit_id), 0);
    "#,
    // Version 8: the appointment booked at the desk for a service on a visit (the desks' step
    // 15): the booking's reference, NULL where none was booked.
    "ALTER TABLE frontdesk.visit_services ADD COLUMN booking_reference text;",
    // Version 9: how long the resident of a visit waited to be called, in seconds (the
    // desks' step 16); NULL where the desk did not call them.
    "ALTER TABLE frontdesk.visits ADD COLUMN waited_seconds integer;",
    // Version 10: bookings and the waiting list shared by the desks of a site (see `rooms`).
    super::room_tables::TABLES,
];

/// The step (by index) that made [`CHOICES_TABLE`].
const CHOICES_STEP: usize = 4;

/// The step (by index) that made the shared bookings and waiting list.
const ROOMS_STEP: usize = 9;

/// The table of the answers to the visits' choice fields, a part like the others.
const CHOICES_TABLE: &str = "visit_choices";

/// The visits' child tables of the first version: a desk reads, adds and replaces only its own
/// rows.
const FIRST_CHILD_TABLES: &[&str] = &["visit_services", "visit_partners", "visit_reasons"];

/// Every child table, for the roles' grants.
const CHILD_TABLES: &[&str] = &[
    "visit_services",
    "visit_partners",
    "visit_reasons",
    CHOICES_TABLE,
];

/// The central schema version this frontdesk writes.
pub const CENTRAL_SCHEMA_VERSION: i32 = STEPS.len() as i32;

/// Row-level security on `tables`, each with a `desk` column: a desk's role reads, adds and
/// removes only its own desk's rows (and, with `desk_changes`, changes them), a reader reads
/// them all.
fn desk_policies(tables: &[&str], desk_changes: bool) -> String {
    const OWN: &str = "desk IN (SELECT d.desk FROM frontdesk.desks d WHERE d.role = current_user)";
    tables
        .iter()
        .map(|table| {
            let changes = if desk_changes {
                format!(
                    "CREATE POLICY desk_changes ON frontdesk.{table} FOR UPDATE USING ({OWN}) WITH CHECK ({OWN});"
                )
            } else {
                String::new()
            };
            format!(
                "ALTER TABLE frontdesk.{table} ENABLE ROW LEVEL SECURITY;
                 CREATE POLICY desk_reads ON frontdesk.{table} FOR SELECT USING ({OWN});
                 CREATE POLICY reader_reads ON frontdesk.{table} FOR SELECT
                     USING (EXISTS (SELECT 1 FROM frontdesk.readers r WHERE r.role = current_user));
                 CREATE POLICY desk_adds ON frontdesk.{table} FOR INSERT WITH CHECK ({OWN});
                 {changes}
                 CREATE POLICY desk_deletes ON frontdesk.{table} FOR DELETE USING ({OWN});"
            )
        })
        .collect()
}

/// A policy's check that a part's visit is one of the current role's desk's visits, of the
/// same desk as the part.
fn parent_is_own(table: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM frontdesk.visits v JOIN frontdesk.desks d ON d.desk = v.desk \
         WHERE v.id = {table}.visit_id AND v.desk = {table}.desk AND d.role = current_user)"
    )
}

/// A desk adds a part only under a visit of its own desk.
fn parts_follow_their_visit(table: &str) -> String {
    format!(
        "DROP POLICY desk_adds ON frontdesk.{table};
         CREATE POLICY desk_adds ON frontdesk.{table} FOR INSERT WITH CHECK ({});",
        parent_is_own(table)
    )
}

/// What a step needs besides its own SQL: the policies of the tables it made, and the counts.
fn after_step(index: usize) -> String {
    match index {
        // A visit's parts are replaced whole, never changed.
        0 => desk_policies(FIRST_CHILD_TABLES, false),
        // Parts follow their parent visit.
        3 => FIRST_CHILD_TABLES
            .iter()
            .map(|table| parts_follow_their_visit(table))
            .collect(),
        // The choices are parts like the others.
        CHOICES_STEP => format!(
            "{}{}",
            desk_policies(&[CHOICES_TABLE], false),
            parts_follow_their_visit(CHOICES_TABLE)
        ),
        // Bookings and tickets are read and changed by the desks of their site.
        ROOMS_STEP => super::room_tables::policies(),
        // A sync adds to its desk's counts.
        2 => format!(
            "{}{}",
            super::counts::TABLES,
            desk_policies(super::counts::COUNT_TABLES, true)
        ),
        _ => String::new(),
    }
}

/// What a desk's role is granted on the tables (row-level security narrows it to its desk).
fn desk_grants(role: &str) -> String {
    let quoted = quote_ident(role);
    let mut grants = format!(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON frontdesk.visits TO {quoted};
         GRANT SELECT ON frontdesk.desks, frontdesk.readers, frontdesk.catalogues, frontdesk.schema_version TO {quoted};"
    );
    for table in CHILD_TABLES {
        grants.push_str(&format!(
            "GRANT SELECT, INSERT, DELETE ON frontdesk.{table} TO {quoted};"
        ));
    }
    for table in super::counts::COUNT_TABLES {
        grants.push_str(&format!(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON frontdesk.{table} TO {quoted};"
        ));
    }
    grants.push_str(&super::room_tables::desk_grants(&quoted));
    grants
}

/// What a report role is granted: reading, nothing else, and of the visits every column but
/// the note. A role that may read notes is granted them on its own (`GRANT SELECT (note) ON
/// frontdesk.visits TO ROLE`).
fn reader_grants(role: &str) -> String {
    let quoted = quote_ident(role);
    let columns = ["version", "undone", "synced_at"]
        .into_iter()
        .chain(SYNCED_VISITS.columns.iter().copied())
        .filter(|c| *c != "note")
        .collect::<Vec<_>>()
        .join(", ");
    let tables = ["desks", "readers", "catalogues", "schema_version"]
        .iter()
        .chain(super::room_tables::ROOM_TABLES)
        .chain(CHILD_TABLES)
        .chain(super::counts::COUNT_TABLES)
        .map(|table| format!("frontdesk.{table}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "GRANT SELECT ON {tables} TO {quoted};
         GRANT SELECT ({columns}) ON frontdesk.visits TO {quoted};"
    )
}

/// Grants the roles already listed what they need of the tables a migration made.
async fn grant_listed_roles(
    tx: &tokio_postgres::Transaction<'_>,
) -> Result<(), tokio_postgres::Error> {
    let rows = tx
        .query(
            "SELECT d.role::text, true FROM frontdesk.desks d JOIN pg_roles r ON r.rolname = d.role \
             UNION ALL SELECT e.role::text, false FROM frontdesk.readers e JOIN pg_roles r ON r.rolname = e.role",
            &[],
        )
        .await?;
    let mut grants = String::new();
    for row in rows {
        let role: String = row.get(0);
        if row.get::<_, bool>(1) {
            grants.push_str(&desk_grants(&role));
        } else {
            grants.push_str(&reader_grants(&role));
        }
    }
    if !grants.is_empty() {
        tx.batch_execute(&grants).await?;
    }
    Ok(())
}

/// The schema version on the server; 0 when it has none.
async fn version_on(client: &impl GenericClient) -> Result<i32, tokio_postgres::Error> {
    let row = client
        .query_one(
            "SELECT to_regclass('frontdesk.schema_version') IS NOT NULL",
            &[],
        )
        .await?;
    if !row.get::<_, bool>(0) {
        return Ok(0);
    }
    let row = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM frontdesk.schema_version",
            &[],
        )
        .await?;
    Ok(row.get(0))
}

/// Brings the server's schema up to [`CENTRAL_SCHEMA_VERSION`], in one transaction, held
/// under an advisory lock so two desks starting together do not both migrate.
pub fn migrate(central: &mut Central) -> Result<i32, CentralError> {
    migrate_to(central, CENTRAL_SCHEMA_VERSION)
}

/// Brings the server's schema up to `target` (at most [`CENTRAL_SCHEMA_VERSION`]): a server
/// as an earlier frontdesk left it, for the upgrade tests.
#[doc(hidden)]
pub fn migrate_to(central: &mut Central, target: i32) -> Result<i32, CentralError> {
    let target = target.clamp(0, CENTRAL_SCHEMA_VERSION);
    let server = central.server().to_string();
    let found = central.run_long(|client| async move {
        let tx = client.transaction().await?;
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(7264001); \
             CREATE SCHEMA IF NOT EXISTS frontdesk; \
             CREATE TABLE IF NOT EXISTS frontdesk.schema_version (version integer PRIMARY KEY, \
             applied_at timestamptz NOT NULL DEFAULT now());",
        )
        .await?;
        let found = version_on(&tx).await?;
        if found <= CENTRAL_SCHEMA_VERSION {
            let steps = STEPS.iter().enumerate().take(target as usize);
            for (index, step) in steps.skip(found.max(0) as usize) {
                tx.batch_execute(step).await?;
                tx.batch_execute(&after_step(index)).await?;
                tx.execute(
                    "INSERT INTO frontdesk.schema_version (version) VALUES ($1)",
                    &[&(index as i32 + 1)],
                )
                .await?;
            }
            if found > 0 && found < target && target == CENTRAL_SCHEMA_VERSION {
                grant_listed_roles(&tx).await?;
            }
        }
        tx.commit().await?;
        Ok(found)
    })?;
    if found > CENTRAL_SCHEMA_VERSION {
        return Err(CentralError::NewerSchema {
            server,
            found,
            known: CENTRAL_SCHEMA_VERSION,
        });
    }
    Ok(target.max(found))
}

/// Checks that the server's schema is the one this frontdesk writes (a desk does not migrate
/// the server: its role may not).
pub fn check(central: &mut Central) -> Result<(), CentralError> {
    let server = central.server().to_string();
    let found = central.run(|client| async move { version_on(client).await })?;
    match found {
        found if found > CENTRAL_SCHEMA_VERSION => Err(CentralError::NewerSchema {
            server,
            found,
            known: CENTRAL_SCHEMA_VERSION,
        }),
        found if found < CENTRAL_SCHEMA_VERSION => Err(CentralError::NotInitialised { server }),
        _ => Ok(()),
    }
}

/// A role name as SQL writes it, in double quotes.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Checks a role name: letters, digits and `_`, at most 63 bytes, not starting with `pg_`.
pub fn check_role_name(flag: &str, name: &str) -> Result<(), CentralError> {
    let fine = !name.is_empty()
        && name.len() <= 63
        && !name.starts_with("pg_")
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if fine {
        Ok(())
    } else {
        Err(CentralError::Other(format!(
            "{flag} must be a role name of lower-case letters, digits and _ (at most 63, not starting with a digit or pg_), e.g. frontdesk_desk_main, not \"{}\"",
            crate::printable::printable(name)
        )))
    }
}

/// Creates `role` (able to log in, no password: set one with `ALTER ROLE ... PASSWORD`) if
/// it is not there yet.
async fn ensure_role(client: &impl GenericClient, role: &str) -> Result<(), tokio_postgres::Error> {
    let exists = client
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
        .await?
        .is_some();
    if !exists {
        client
            .batch_execute(&format!("CREATE ROLE {} LOGIN", quote_ident(role)))
            .await?;
    }
    Ok(())
}

/// What the database grants a role before row-level security narrows it.
async fn grant_connect(
    client: &impl GenericClient,
    role: &str,
) -> Result<(), tokio_postgres::Error> {
    let database: String = client
        .query_one("SELECT current_database()", &[])
        .await?
        .get(0);
    client
        .batch_execute(&format!(
            "GRANT CONNECT, TEMPORARY ON DATABASE {} TO {role}; GRANT USAGE ON SCHEMA frontdesk TO {role};",
            quote_ident(&database),
            role = quote_ident(role)
        ))
        .await
}

/// The key of the advisory lock `server init` holds while it changes the schema or the roles,
/// so runs at the same time wait for each other.
const INIT_LOCK: i64 = 7264001;

/// What a role already is on the server, for refusing one role used for two jobs.
struct RoleFacts {
    superuser: bool,
    /// It runs `server init`, or owns the schema or the database.
    owner: bool,
    /// The desk it syncs, if it is a desk's role.
    desk: Option<String>,
    reader: bool,
}

async fn role_facts(
    tx: &tokio_postgres::Transaction<'_>,
    role: &str,
) -> Result<RoleFacts, tokio_postgres::Error> {
    let row = tx
        .query_one(
            "SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = $1), false), \
             $1 = current_user \
             OR $1 = (SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'frontdesk') \
             OR $1 = (SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database()), \
             (SELECT desk FROM frontdesk.desks WHERE role = $1), \
             EXISTS (SELECT 1 FROM frontdesk.readers WHERE role = $1)",
            &[&role],
        )
        .await?;
    Ok(RoleFacts {
        superuser: row.get(0),
        owner: row.get(1),
        desk: row.get(2),
        reader: row.get(3),
    })
}

/// Begins a transaction that holds [`INIT_LOCK`].
async fn locked(
    client: &mut Client,
) -> Result<tokio_postgres::Transaction<'_>, tokio_postgres::Error> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])
        .await?;
    Ok(tx)
}

/// What `server init --desk` did with a desk's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskRole {
    /// The role syncs this desk (newly, or as it already did).
    Syncs,
    /// The role synced another desk before; it syncs this one now.
    Moved { from: String },
}

/// `server init --desk DESK --desk-role ROLE`: a role that syncs one desk's visits. Refused
/// for the report role, the owner and a superuser (row-level security would not hold them, or
/// the report role would gain writing), and for a desk name that differs from a desk already
/// there only in case or spacing ("Desk k" beside "Desk K").
pub fn add_desk_role(
    central: &mut Central,
    desk: &str,
    role: &str,
) -> Result<DeskRole, CentralError> {
    check_role_name("--desk-role", role)?;
    let (desk, role) = (desk.to_string(), role.to_string());
    let example = "give the desk a role of its own, e.g. frontdesk_desk_main";
    let done = central.run(|client| async move {
        let tx = locked(client).await?;
        let facts = role_facts(&tx, &role).await?;
        let refused = if facts.reader {
            Some(format!(
                "--desk-role {role} is the report role, which must not write; {example}"
            ))
        } else if facts.superuser {
            Some(format!(
                "--desk-role {role} is a superuser, which row-level security does not limit; {example}"
            ))
        } else if facts.owner {
            Some(format!(
                "--desk-role {role} is the owner of the frontdesk schema or database, which row-level security does not limit; {example}"
            ))
        } else {
            let others: Vec<String> = tx
                .query("SELECT DISTINCT desk FROM frontdesk.desks WHERE desk <> $1", &[&desk])
                .await?
                .iter()
                .map(|row| row.get(0))
                .collect();
            let key = crate::config::desk_key(&desk);
            others
                .into_iter()
                .find(|other| crate::config::desk_key(other) == key)
                .map(|other| {
                    format!(
                        "--desk \"{}\" differs from the desk \"{}\" already on the server only in case or spacing; use \"{}\" (as that desk's config says) or another name",
                        crate::printable::printable(&desk),
                        crate::printable::printable(&other),
                        crate::printable::printable(&other)
                    )
                })
        };
        if let Some(refused) = refused {
            return Ok(Err(refused));
        }
        ensure_role(&tx, &role).await?;
        grant_connect(&tx, &role).await?;
        tx.batch_execute(&desk_grants(&role)).await?;
        tx.execute(
            "INSERT INTO frontdesk.desks (role, desk) VALUES ($1, $2) \
             ON CONFLICT (role) DO UPDATE SET desk = excluded.desk",
            &[&role, &desk],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(match facts.desk {
            Some(from) if from != desk => DeskRole::Moved { from },
            _ => DeskRole::Syncs,
        }))
    })?;
    done.map_err(CentralError::Other)
}

/// `server init --desk NAME --desk-role ROLE --site SITE`: the site whose bookings and waiting
/// list the desk's role shares (see `rooms`); a role given none is a site of its own, named
/// as its desk. The role must be a desk's already (see [`add_desk_role`]).
pub fn set_desk_site(central: &mut Central, role: &str, site: &str) -> Result<(), CentralError> {
    check_role_name("--desk-role", role)?;
    let site = site.trim().to_string();
    if site.is_empty()
        || site.chars().count() > crate::config::DESK_MAX_CHARS
        || site.chars().any(char::is_control)
    {
        return Err(CentralError::Other(format!(
            "--site must be a site's name of 1 to {} plain characters, e.g. \"Civic Centre\"",
            crate::config::DESK_MAX_CHARS
        )));
    }
    let role = role.to_string();
    let changed = central.run(|client| async move {
        let tx = locked(client).await?;
        let changed = tx
            .execute(
                "UPDATE frontdesk.desks SET site = $2 WHERE role = $1",
                &[&role, &site],
            )
            .await?;
        tx.commit().await?;
        Ok(changed)
    })?;
    if changed == 0 {
        return Err(CentralError::Other(
            "--site needs --desk and --desk-role: only a desk's role has a site".to_string(),
        ));
    }
    Ok(())
}

/// `server init --report-role ROLE`: a role that can read every table (of the visits, every
/// column but the note) and change nothing. Refused for a desk's role, the owner and a
/// superuser, which could write or read more.
pub fn add_report_role(central: &mut Central, role: &str) -> Result<(), CentralError> {
    check_role_name("--report-role", role)?;
    let role = role.to_string();
    let example = "give reports a role of their own, e.g. frontdesk_reports";
    let done = central.run(|client| async move {
        let tx = locked(client).await?;
        let facts = role_facts(&tx, &role).await?;
        let refused = if let Some(desk) = &facts.desk {
            Some(format!(
                "--report-role {role} is the role of desk \"{}\", which writes; {example}",
                crate::printable::printable(desk)
            ))
        } else if facts.superuser {
            Some(format!(
                "--report-role {role} is a superuser, which can change everything; {example}"
            ))
        } else if facts.owner {
            Some(format!(
                "--report-role {role} is the owner of the frontdesk schema or database, which can change everything; {example}"
            ))
        } else {
            None
        };
        if let Some(refused) = refused {
            return Ok(Err(refused));
        }
        ensure_role(&tx, &role).await?;
        grant_connect(&tx, &role).await?;
        tx.batch_execute(&reader_grants(&role)).await?;
        tx.execute(
            "INSERT INTO frontdesk.readers (role) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&role],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    })?;
    done.map_err(CentralError::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_named_by_index_are_the_steps_that_made_their_tables() {
        assert_eq!(STEPS[ROOMS_STEP], super::super::room_tables::TABLES);
        assert!(STEPS[CHOICES_STEP].contains("CREATE TABLE frontdesk.visit_choices"));
    }

    #[test]
    fn role_names_are_plain() {
        assert!(check_role_name("--desk-role", "frontdesk_desk_main").is_ok());
        for bad in [
            "",
            "Main",
            "pg_x",
            "1desk",
            "a;drop",
            "a\"b",
            &"x".repeat(64),
        ] {
            assert!(check_role_name("--desk-role", bad).is_err(), "{bad}");
        }
    }
}
