CREATE TABLE "parcel_tallies" (
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"bin" uuid NOT NULL,
	"parcels" integer NOT NULL,
	CONSTRAINT "parcel_tallies_community_id_kind_day_bin_pk" PRIMARY KEY("community_id","kind","day","bin")
);
--> statement-breakpoint
ALTER TABLE "parcel_tallies" ADD CONSTRAINT "parcel_tallies_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parcels_undelivered_by_building_idx" ON "parcels" USING btree ("community_id","building_id","received_at") WHERE "parcels"."status" in ('waiting', 'on_run');--> statement-breakpoint
-- One parcel row as the tallies see it: sign 1 for a row that is now there, -1 for one that is gone.
CREATE TYPE linli_parcel_change AS (
  community_id uuid, building_id uuid, day date, status text,
  reminded_at timestamptz, delivered_at timestamptz, picked_up_at timestamptz, sign integer
);--> statement-breakpoint
-- What a set of changed rows does to the tallies (schema/parcel-tallies.ts): one net amount per
-- tally, none where they cancel out, in key order so that writers lock tallies in one order.
CREATE OR REPLACE FUNCTION linli_parcel_tally_parts(changes linli_parcel_change[])
RETURNS TABLE(community_id uuid, kind text, day date, bin uuid, parcels integer)
LANGUAGE sql STABLE AS $$
  select r.community_id, t.kind, t.day, coalesce(r.building_id, '00000000-0000-0000-0000-000000000000'::uuid),
    sum(r.sign)::int
  from unnest(changes) r
  join communities c on c.id = r.community_id
  cross join lateral (values
    (r.status, r.day),
    (case when r.status = 'delivered' and r.reminded_at is not null then 'flagged' end, r.day),
    ('delivered_on', (r.delivered_at at time zone c.timezone)::date),
    ('picked_up_on', (r.picked_up_at at time zone c.timezone)::date)
  ) as t(kind, day)
  where t.kind is not null and t.day is not null
  group by 1, 2, 3, 4
  having sum(r.sign) <> 0
  order by 1, 2, 3, 4
$$;--> statement-breakpoint
-- Statement-level, with the statement's old and new rows: a run that moves two hundred parcels
-- writes each tally it touches once.
CREATE OR REPLACE FUNCTION linli_tally_parcels() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes linli_parcel_change[];
  emptied parcel_tallies[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := array(select row(n.community_id, n.building_id, n.day, n.status, n.reminded_at,
      n.delivered_at, n.picked_up_at, 1)::linli_parcel_change from new_rows n);
  ELSIF TG_OP = 'UPDATE' THEN
    changes := array(select row(n.community_id, n.building_id, n.day, n.status, n.reminded_at,
      n.delivered_at, n.picked_up_at, 1)::linli_parcel_change from new_rows n
      union all select row(o.community_id, o.building_id, o.day, o.status, o.reminded_at,
      o.delivered_at, o.picked_up_at, -1)::linli_parcel_change from old_rows o);
  ELSE
    changes := array(select row(o.community_id, o.building_id, o.day, o.status, o.reminded_at,
      o.delivered_at, o.picked_up_at, -1)::linli_parcel_change from old_rows o);
  END IF;
  WITH written AS (
    INSERT INTO parcel_tallies AS t (community_id, kind, day, bin, parcels)
    SELECT * FROM linli_parcel_tally_parts(changes)
    ON CONFLICT (community_id, kind, day, bin) DO UPDATE SET parcels = t.parcels + excluded.parcels
    RETURNING t.*
  )
  SELECT coalesce(array_agg(w), '{}') INTO emptied FROM written w WHERE w.parcels = 0;
  IF cardinality(emptied) > 0 THEN
    DELETE FROM parcel_tallies t USING unnest(emptied) e
    WHERE t.community_id = e.community_id AND t.kind = e.kind AND t.day = e.day AND t.bin = e.bin
      AND t.parcels = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER parcels_tally_insert AFTER INSERT ON parcels REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION linli_tally_parcels();--> statement-breakpoint
CREATE TRIGGER parcels_tally_update AFTER UPDATE ON parcels REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION linli_tally_parcels();--> statement-breakpoint
CREATE TRIGGER parcels_tally_delete AFTER DELETE ON parcels REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION linli_tally_parcels();--> statement-breakpoint
-- Counts one community's tallies afresh from its parcels: for this migration, and when the
-- community's zone changes (the days of deliveries and pick-ups move with it).
CREATE OR REPLACE FUNCTION linli_recount_parcel_tallies(community uuid) RETURNS void
LANGUAGE sql AS $$
  delete from parcel_tallies where community_id = community;
  insert into parcel_tallies (community_id, kind, day, bin, parcels)
  select * from linli_parcel_tally_parts(array(
    select row(p.community_id, p.building_id, p.day, p.status, p.reminded_at, p.delivered_at,
      p.picked_up_at, 1)::linli_parcel_change
    from parcels p where p.community_id = community));
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION linli_recount_parcel_tallies_of_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM linli_recount_parcel_tallies(NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER communities_zone_recounts_parcel_tallies AFTER UPDATE OF timezone ON communities
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION linli_recount_parcel_tallies_of_row();--> statement-breakpoint
-- DELETE, not TRUNCATE: a TRUNCATE of several tables (a restore with --force) that names
-- parcel_tallies too still has it open while this runs.
CREATE OR REPLACE FUNCTION linli_clear_parcel_tallies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM parcel_tallies;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER parcels_truncate_clears_tallies AFTER TRUNCATE ON parcels
  FOR EACH STATEMENT EXECUTE FUNCTION linli_clear_parcel_tallies();--> statement-breakpoint
SELECT linli_recount_parcel_tallies(id) FROM communities;
