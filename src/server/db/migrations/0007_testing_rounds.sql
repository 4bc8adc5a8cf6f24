CREATE TABLE "testing_calls" (
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"gate_id" uuid NOT NULL,
	"call_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "testing_calls_community_id_round_id_building_id_pk" PRIMARY KEY("community_id","round_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "testing_home_visits" (
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid,
	CONSTRAINT "testing_home_visits_community_id_round_id_resident_id_pk" PRIMARY KEY("community_id","round_id","resident_id"),
	CONSTRAINT "testing_home_visits_reason_check" CHECK ("testing_home_visits"."reason" in ('vulnerable', 'missing'))
);
--> statement-breakpoint
CREATE TABLE "testing_lane_switches" (
	"community_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"round_id" uuid NOT NULL,
	"from_gate_id" uuid NOT NULL,
	"to_gate_id" uuid NOT NULL,
	"lanes" integer DEFAULT 1 NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by" uuid,
	CONSTRAINT "testing_lane_switches_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "testing_queue_counts" (
	"community_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"round_id" uuid NOT NULL,
	"gate_id" uuid NOT NULL,
	"queue" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "testing_queue_counts_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "testing_round_gates" (
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"gate_id" uuid NOT NULL,
	"lanes" integer NOT NULL,
	"crowd_limit" integer NOT NULL,
	"queue" integer DEFAULT 0 NOT NULL,
	"queue_at" timestamp with time zone,
	CONSTRAINT "testing_round_gates_community_id_round_id_gate_id_pk" PRIMARY KEY("community_id","round_id","gate_id"),
	CONSTRAINT "testing_round_gates_lanes_check" CHECK ("testing_round_gates"."lanes" >= 0),
	CONSTRAINT "testing_round_gates_queue_check" CHECK ("testing_round_gates"."queue" >= 0)
);
--> statement-breakpoint
CREATE TABLE "testing_round_zones" (
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"gate_id" uuid NOT NULL,
	CONSTRAINT "testing_round_zones_community_id_round_id_zone_id_pk" PRIMARY KEY("community_id","round_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "testing_rounds" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"pooling" integer DEFAULT 10 NOT NULL,
	"lanes" integer NOT NULL,
	"service_mean_seconds" real DEFAULT 12.6 NOT NULL,
	"service_sd_seconds" real DEFAULT 4 NOT NULL,
	"switch_seconds" integer DEFAULT 60 NOT NULL,
	"call_interval_seconds" integer DEFAULT 180 NOT NULL,
	"shift_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "testing_rounds_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "testing_rounds_status_check" CHECK ("testing_rounds"."status" in ('draft', 'published', 'running', 'finished')),
	CONSTRAINT "testing_rounds_pooling_check" CHECK ("testing_rounds"."pooling" in (1, 5, 10, 20)),
	CONSTRAINT "testing_rounds_lanes_check" CHECK ("testing_rounds"."lanes" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "testing_samples" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"tube_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"place" text DEFAULT 'lane' NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"client_key" text,
	CONSTRAINT "testing_samples_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "testing_samples_place_check" CHECK ("testing_samples"."place" in ('lane', 'home'))
);
--> statement-breakpoint
CREATE TABLE "testing_tubes" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"barcode" text NOT NULL,
	"gate_id" uuid,
	"lane" integer,
	"capacity" integer NOT NULL,
	"samples" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "testing_tubes_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "testing_tubes_samples_check" CHECK ("testing_tubes"."samples" >= 0 and "testing_tubes"."samples" <= "testing_tubes"."capacity")
);
--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "personal_code" text;--> statement-breakpoint
ALTER TABLE "testing_calls" ADD CONSTRAINT "testing_calls_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_calls" ADD CONSTRAINT "testing_calls_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_calls" ADD CONSTRAINT "testing_calls_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_calls" ADD CONSTRAINT "testing_calls_community_id_gate_id_gates_community_id_id_fk" FOREIGN KEY ("community_id","gate_id") REFERENCES "public"."gates"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_home_visits" ADD CONSTRAINT "testing_home_visits_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_home_visits" ADD CONSTRAINT "testing_home_visits_added_by_accounts_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_home_visits" ADD CONSTRAINT "testing_home_visits_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_home_visits" ADD CONSTRAINT "testing_home_visits_community_id_resident_id_residents_community_id_id_fk" FOREIGN KEY ("community_id","resident_id") REFERENCES "public"."residents"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_lane_switches" ADD CONSTRAINT "testing_lane_switches_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_lane_switches" ADD CONSTRAINT "testing_lane_switches_applied_by_accounts_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_lane_switches" ADD CONSTRAINT "testing_lane_switches_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_queue_counts" ADD CONSTRAINT "testing_queue_counts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_queue_counts" ADD CONSTRAINT "testing_queue_counts_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_queue_counts" ADD CONSTRAINT "testing_queue_counts_community_id_round_id_gate_id_testing_round_gates_community_id_round_id_gate_id_fk" FOREIGN KEY ("community_id","round_id","gate_id") REFERENCES "public"."testing_round_gates"("community_id","round_id","gate_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_gates" ADD CONSTRAINT "testing_round_gates_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_gates" ADD CONSTRAINT "testing_round_gates_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_gates" ADD CONSTRAINT "testing_round_gates_community_id_gate_id_gates_community_id_id_fk" FOREIGN KEY ("community_id","gate_id") REFERENCES "public"."gates"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_zones" ADD CONSTRAINT "testing_round_zones_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_zones" ADD CONSTRAINT "testing_round_zones_community_id_round_id_gate_id_testing_round_gates_community_id_round_id_gate_id_fk" FOREIGN KEY ("community_id","round_id","gate_id") REFERENCES "public"."testing_round_gates"("community_id","round_id","gate_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_round_zones" ADD CONSTRAINT "testing_round_zones_community_id_zone_id_zones_community_id_id_fk" FOREIGN KEY ("community_id","zone_id") REFERENCES "public"."zones"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_rounds" ADD CONSTRAINT "testing_rounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_rounds" ADD CONSTRAINT "testing_rounds_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_rounds" ADD CONSTRAINT "testing_rounds_community_id_shift_id_shifts_community_id_id_fk" FOREIGN KEY ("community_id","shift_id") REFERENCES "public"."shifts"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_samples" ADD CONSTRAINT "testing_samples_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_samples" ADD CONSTRAINT "testing_samples_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_samples" ADD CONSTRAINT "testing_samples_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_samples" ADD CONSTRAINT "testing_samples_community_id_tube_id_testing_tubes_community_id_id_fk" FOREIGN KEY ("community_id","tube_id") REFERENCES "public"."testing_tubes"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_samples" ADD CONSTRAINT "testing_samples_community_id_resident_id_residents_community_id_id_fk" FOREIGN KEY ("community_id","resident_id") REFERENCES "public"."residents"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_tubes" ADD CONSTRAINT "testing_tubes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_tubes" ADD CONSTRAINT "testing_tubes_opened_by_accounts_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_tubes" ADD CONSTRAINT "testing_tubes_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "testing_calls_due_idx" ON "testing_calls" USING btree ("community_id","call_at") WHERE "testing_calls"."notified_at" is null;--> statement-breakpoint
CREATE INDEX "testing_queue_counts_round_idx" ON "testing_queue_counts" USING btree ("community_id","round_id","recorded_at");--> statement-breakpoint
CREATE INDEX "testing_rounds_starts_idx" ON "testing_rounds" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "testing_samples_once_key" ON "testing_samples" USING btree ("community_id","round_id","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "testing_samples_client_key" ON "testing_samples" USING btree ("community_id","client_key") WHERE "testing_samples"."client_key" is not null;--> statement-breakpoint
CREATE INDEX "testing_samples_tube_idx" ON "testing_samples" USING btree ("community_id","tube_id");--> statement-breakpoint
CREATE UNIQUE INDEX "testing_tubes_barcode_key" ON "testing_tubes" USING btree ("community_id","barcode");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_personal_code_key" ON "residents" USING btree ("community_id","personal_code") WHERE "residents"."personal_code" is not null;