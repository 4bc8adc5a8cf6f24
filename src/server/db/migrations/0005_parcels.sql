CREATE TABLE "delivery_run_stops" (
	"community_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"building_id" uuid NOT NULL,
	"parcels" integer NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_by" uuid,
	CONSTRAINT "delivery_run_stops_community_id_run_id_seq_pk" PRIMARY KEY("community_id","run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "delivery_runs" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"shift_id" uuid,
	"seq" integer NOT NULL,
	"vehicle" text NOT NULL,
	"capacity" integer NOT NULL,
	"rider_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"load" integer NOT NULL,
	"distance_m" integer NOT NULL,
	"estimated_seconds" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "delivery_runs_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "delivery_runs_status_check" CHECK ("delivery_runs"."status" in ('planned', 'confirmed', 'started', 'done'))
);
--> statement-breakpoint
CREATE TABLE "parcel_days" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"figures" jsonb NOT NULL,
	CONSTRAINT "parcel_days_community_id_day_pk" PRIMARY KEY("community_id","day")
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"waybill" text,
	"building_id" uuid,
	"room" text,
	"household_id" uuid,
	"phone_tail" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"day" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"run_id" uuid,
	"delivered_at" timestamp with time zone,
	"pickup_code" text,
	"picked_up_at" timestamp with time zone,
	"picked_up_by" uuid,
	"reminded_at" timestamp with time zone,
	"left_over_reason" text,
	CONSTRAINT "parcels_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "parcels_status_check" CHECK ("parcels"."status" in ('waiting', 'on_run', 'delivered', 'picked_up', 'left_over')),
	CONSTRAINT "parcels_source_check" CHECK ("parcels"."source" in ('scan', 'typed', 'batch', 'import'))
);
--> statement-breakpoint
ALTER TABLE "delivery_run_stops" ADD CONSTRAINT "delivery_run_stops_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_run_stops" ADD CONSTRAINT "delivery_run_stops_delivered_by_accounts_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_run_stops" ADD CONSTRAINT "delivery_run_stops_community_id_run_id_delivery_runs_community_id_id_fk" FOREIGN KEY ("community_id","run_id") REFERENCES "public"."delivery_runs"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_run_stops" ADD CONSTRAINT "delivery_run_stops_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_community_id_shift_id_shifts_community_id_id_fk" FOREIGN KEY ("community_id","shift_id") REFERENCES "public"."shifts"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_community_id_rider_id_volunteers_community_id_id_fk" FOREIGN KEY ("community_id","rider_id") REFERENCES "public"."volunteers"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_days" ADD CONSTRAINT "parcel_days_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_days" ADD CONSTRAINT "parcel_days_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_received_by_accounts_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_picked_up_by_accounts_id_fk" FOREIGN KEY ("picked_up_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_community_id_household_id_households_community_id_id_fk" FOREIGN KEY ("community_id","household_id") REFERENCES "public"."households"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_runs_plan_idx" ON "delivery_runs" USING btree ("community_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parcels_waybill_key" ON "parcels" USING btree ("community_id","waybill") WHERE "parcels"."waybill" is not null;--> statement-breakpoint
CREATE INDEX "parcels_day_idx" ON "parcels" USING btree ("community_id","day","status");--> statement-breakpoint
CREATE INDEX "parcels_building_idx" ON "parcels" USING btree ("community_id","building_id","status");