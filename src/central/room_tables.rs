//! The server's tables for the bookings and waiting list a site shares: the schema step that
//! makes them (with the booking function and the notifications), their row-level security by
//! site and what a desk's role is granted. The rooms themselves are used in [`super::rooms`].

/// The tables, the booking function and the notifications: the central schema's version 10.
pub(super) const TABLES: &str = r#"
    ALTER TABLE frontdesk.desks ADD COLUMN site text;
    CREATE TABLE frontdesk.bookings (
        reference text PRIMARY KEY,
        site text NOT NULL,
        service_id text NOT NULL,
        place_id text NOT NULL,
        slot_local text NOT NULL,
        slot_at bigint NOT NULL,
        slot_minutes integer NOT NULL,
        needs text NOT NULL DEFAULT '',
        state text NOT NULL DEFAULT 'booked',
        no_show_at bigint NOT NULL,
        booked_at bigint NOT NULL,
        arrived_at bigint,
        called_at bigint,
        seen_at bigint,
        cancelled_at bigint,
        ticket text,
        local_day integer NOT NULL
    );
    CREATE INDEX bookings_by_slot ON frontdesk.bookings (service_id, place_id, slot_at);
    CREATE INDEX bookings_by_site_and_day ON frontdesk.bookings (site, local_day, slot_at);
    CREATE TABLE frontdesk.waiting (
        site text NOT NULL,
        day integer NOT NULL,
        ticket text NOT NULL,
        letter text NOT NULL,
        number integer NOT NULL,
        service_id text NOT NULL,
        reference text,
        arrived_at bigint NOT NULL,
        called_at bigint,
        desk text,
        seen_at bigint,
        PRIMARY KEY (site, day, ticket)
    );
    CREATE INDEX waiting_by_arrival ON frontdesk.waiting (site, day, arrived_at);

    CREATE FUNCTION frontdesk.book(p_reference text, p_service text, p_place text,
        p_slot_local text, p_slot_at bigint, p_minutes integer, p_capacity integer,
        p_needs text, p_no_show_at bigint, p_booked_at bigint, p_local_day integer)
    RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
        v_site text;
        v_taken integer;
        -- A longer slot is two (`p_minutes` is then twice the offer's slot): this one and the
        -- next, both free (see `appointments::slots_taken`).
        v_longer boolean := position(',longer-slot,' in ',' || p_needs || ',') > 0;
        v_step bigint;
        v_slots bigint[];
        v_slot bigint;
    BEGIN
        SELECT coalesce(d.site, d.desk) INTO v_site FROM frontdesk.desks d
            WHERE d.role = session_user;
        IF v_site IS NULL THEN
            RAISE EXCEPTION 'role % is not a desk''s role, and only a desk books', session_user
                USING ERRCODE = '42501';
        END IF;
        IF v_longer THEN
            v_step := (p_minutes / 2)::bigint * 60000;
            v_slots := ARRAY[p_slot_at, p_slot_at + v_step];
        ELSE
            v_step := greatest(p_minutes, 1)::bigint * 60000;
            v_slots := ARRAY[p_slot_at];
        END IF;
        -- Every slot it takes is locked, earliest first, before any is counted.
        FOREACH v_slot IN ARRAY v_slots LOOP
            PERFORM pg_advisory_xact_lock(7264101,
                hashtext(p_service || '|' || p_place || '|' || v_slot::text));
        END LOOP;
        FOREACH v_slot IN ARRAY v_slots LOOP
            SELECT count(*) INTO v_taken FROM frontdesk.bookings b
                WHERE b.service_id = p_service AND b.place_id = p_place
                  AND b.slot_at >= v_slot - v_step AND b.slot_at <= v_slot
                  AND b.state <> 'cancelled'
                  AND (b.slot_at = v_slot
                       OR (position(',longer-slot,' in ',' || b.needs || ',') > 0
                           AND b.slot_at + (b.slot_minutes / 2)::bigint * 60000 = v_slot));
            IF v_taken >= p_capacity THEN
                RETURN 'full';
            END IF;
        END LOOP;
        INSERT INTO frontdesk.bookings (reference, site, service_id, place_id, slot_local,
            slot_at, slot_minutes, needs, state, no_show_at, booked_at, local_day)
        VALUES (p_reference, v_site, p_service, p_place, p_slot_local, p_slot_at, p_minutes,
            p_needs, 'booked', p_no_show_at, p_booked_at, p_local_day)
        ON CONFLICT (reference) DO NOTHING;
        IF NOT FOUND THEN
            RETURN 'again';
        END IF;
        RETURN 'made';
    END $$;
    REVOKE ALL ON FUNCTION frontdesk.book(text, text, text, text, bigint, integer, integer,
        text, bigint, bigint, integer) FROM PUBLIC;

    CREATE FUNCTION frontdesk.taken(p_from bigint, p_to bigint)
    RETURNS TABLE (service_id text, place_id text, slot_at bigint, slot_minutes integer,
        longer boolean, n bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        SELECT b.service_id, b.place_id, b.slot_at, b.slot_minutes,
               position(',longer-slot,' in ',' || b.needs || ',') > 0, count(*)
          FROM frontdesk.bookings b
         WHERE b.slot_at >= p_from AND b.slot_at < p_to AND b.state <> 'cancelled'
           AND EXISTS (SELECT 1 FROM frontdesk.desks d WHERE d.role = session_user)
         GROUP BY 1, 2, 3, 4, 5
    $$;
    REVOKE ALL ON FUNCTION frontdesk.taken(bigint, bigint) FROM PUBLIC;

    CREATE FUNCTION frontdesk.room_changed() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
    BEGIN
        PERFORM pg_notify('frontdesk_room_' || md5(NEW.site), TG_TABLE_NAME);
        RETURN NULL;
    END $$;
    CREATE TRIGGER bookings_changed AFTER INSERT OR UPDATE ON frontdesk.bookings
        FOR EACH ROW EXECUTE FUNCTION frontdesk.room_changed();
    CREATE TRIGGER waiting_changed AFTER INSERT OR UPDATE ON frontdesk.waiting
        FOR EACH ROW EXECUTE FUNCTION frontdesk.room_changed();
"#;

/// The sites of the current role (one, for a desk's role; none for any other).
const OWN_SITE: &str =
    "site IN (SELECT coalesce(d.site, d.desk) FROM frontdesk.desks d WHERE d.role = current_user)";

/// Row-level security by site on both tables: a desk's role reads and changes its site's rows
/// (and adds tickets to its site's list), a reader reads every site's.
pub(super) fn policies() -> String {
    let mut sql = String::new();
    for table in ROOM_TABLES {
        sql.push_str(&format!(
            "ALTER TABLE frontdesk.{table} ENABLE ROW LEVEL SECURITY;
             CREATE POLICY reader_reads ON frontdesk.{table} FOR SELECT
                 USING (EXISTS (SELECT 1 FROM frontdesk.readers r WHERE r.role = current_user));
             CREATE POLICY site_reads ON frontdesk.{table} FOR SELECT USING ({OWN_SITE});
             CREATE POLICY site_changes ON frontdesk.{table} FOR UPDATE
                 USING ({OWN_SITE}) WITH CHECK ({OWN_SITE});"
        ));
    }
    sql.push_str(&format!(
        "CREATE POLICY site_adds ON frontdesk.waiting FOR INSERT WITH CHECK ({OWN_SITE});"
    ));
    sql
}

/// The shared tables, for the report role's grants.
pub(super) const ROOM_TABLES: &[&str] = &["bookings", "waiting"];

/// What a desk's role (`quoted`, already an SQL identifier) is granted: reading and changing
/// its site's rows (row-level security), booking only through `frontdesk.book`, never deleting.
pub(super) fn desk_grants(quoted: &str) -> String {
    format!(
        "GRANT SELECT, UPDATE ON frontdesk.bookings TO {quoted};
         GRANT SELECT, INSERT, UPDATE ON frontdesk.waiting TO {quoted};
         GRANT EXECUTE ON FUNCTION frontdesk.book(text, text, text, text, bigint, integer, integer,
             text, bigint, bigint, integer) TO {quoted};
         GRANT EXECUTE ON FUNCTION frontdesk.taken(bigint, bigint) TO {quoted};"
    )
}
