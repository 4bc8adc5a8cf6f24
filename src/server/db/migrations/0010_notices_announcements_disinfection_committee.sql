CREATE TABLE "announcement_images" (
	"community_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "announcement_images_community_id_announcement_id_pk" PRIMARY KEY("community_id","announcement_id"),
	CONSTRAINT "announcement_images_mime_check" CHECK ("announcement_images"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "announcement_images_bytes_check" CHECK ("announcement_images"."bytes" > 0 and "announcement_images"."bytes" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "announcement_recipients" (
	"community_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"building_id" uuid,
	"read_at" timestamp with time zone,
	CONSTRAINT "announcement_recipients_community_id_announcement_id_account_id_pk" PRIMARY KEY("community_id","announcement_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience" text NOT NULL,
	"audience_ids" uuid[] DEFAULT '{}' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"relay" boolean DEFAULT true NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"status" text DEFAULT 'published' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "announcements_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "announcements_audience_check" CHECK ("announcements"."audience" in ('all', 'zones', 'buildings', 'group', 'vulnerable')),
	CONSTRAINT "announcements_status_check" CHECK ("announcements"."status" in ('published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "relay_tasks" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"relay_account_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"escalate_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"escalated_at" timestamp with time zone,
	CONSTRAINT "relay_tasks_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "relay_tasks_source_key" UNIQUE("community_id","source_type","source_id","building_id"),
	CONSTRAINT "relay_tasks_source_check" CHECK ("relay_tasks"."source_type" in ('announcement', 'testing_call', 'parcels'))
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"owner_account_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_items_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"week_start" date NOT NULL,
	"figures" jsonb NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "committee_meetings_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "committee_meetings_status_check" CHECK ("committee_meetings"."status" in ('planned', 'held'))
);
--> statement-breakpoint
CREATE TABLE "disinfection_areas" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"building_id" uuid,
	"gate_id" uuid,
	"x" real,
	"y" real,
	"schedule" text DEFAULT 'daily' NOT NULL,
	"times" text[] DEFAULT '{"09:00"}' NOT NULL,
	"weekday" integer,
	"grace_minutes" integer DEFAULT 120 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "disinfection_areas_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "disinfection_areas_name_key" UNIQUE("community_id","name"),
	CONSTRAINT "disinfection_areas_kind_check" CHECK ("disinfection_areas"."kind" in ('lobby', 'lift', 'gate', 'rubbish', 'testing_square', 'other')),
	CONSTRAINT "disinfection_areas_schedule_check" CHECK ("disinfection_areas"."schedule" in ('daily', 'weekly', 'after_testing')),
	CONSTRAINT "disinfection_areas_weekday_check" CHECK ("disinfection_areas"."weekday" is null or "disinfection_areas"."weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "disinfection_photos" (
	"community_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "disinfection_photos_community_id_task_id_pk" PRIMARY KEY("community_id","task_id"),
	CONSTRAINT "disinfection_photos_mime_check" CHECK ("disinfection_photos"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "disinfection_photos_bytes_check" CHECK ("disinfection_photos"."bytes" > 0 and "disinfection_photos"."bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "disinfection_tasks" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"round_id" uuid,
	"status" text DEFAULT 'due' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disinfection_tasks_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "disinfection_tasks_due_key" UNIQUE("community_id","area_id","due_at"),
	CONSTRAINT "disinfection_tasks_status_check" CHECK ("disinfection_tasks"."status" in ('due', 'done', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "notice_gateways" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"channels" text[] DEFAULT '{}' NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_community_id_account_id_pk" PRIMARY KEY("community_id","account_id"),
	CONSTRAINT "notification_preferences_quiet_check" CHECK (("notification_preferences"."quiet_start" is null) = ("notification_preferences"."quiet_end" is null))
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "relay_escalate_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "announcement_images" ADD CONSTRAINT "announcement_images_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_images" ADD CONSTRAINT "announcement_images_community_id_announcement_id_announcements_community_id_id_fk" FOREIGN KEY ("community_id","announcement_id") REFERENCES "public"."announcements"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_community_id_announcement_id_announcements_community_id_id_fk" FOREIGN KEY ("community_id","announcement_id") REFERENCES "public"."announcements"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_relay_account_id_accounts_id_fk" FOREIGN KEY ("relay_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_confirmed_by_accounts_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_account_id_accounts_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_community_id_meeting_id_committee_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."committee_meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_areas" ADD CONSTRAINT "disinfection_areas_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_areas" ADD CONSTRAINT "disinfection_areas_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_areas" ADD CONSTRAINT "disinfection_areas_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_areas" ADD CONSTRAINT "disinfection_areas_community_id_gate_id_gates_community_id_id_fk" FOREIGN KEY ("community_id","gate_id") REFERENCES "public"."gates"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_photos" ADD CONSTRAINT "disinfection_photos_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_photos" ADD CONSTRAINT "disinfection_photos_community_id_task_id_disinfection_tasks_community_id_id_fk" FOREIGN KEY ("community_id","task_id") REFERENCES "public"."disinfection_tasks"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_tasks" ADD CONSTRAINT "disinfection_tasks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_tasks" ADD CONSTRAINT "disinfection_tasks_done_by_accounts_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_tasks" ADD CONSTRAINT "disinfection_tasks_community_id_area_id_disinfection_areas_community_id_id_fk" FOREIGN KEY ("community_id","area_id") REFERENCES "public"."disinfection_areas"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection_tasks" ADD CONSTRAINT "disinfection_tasks_community_id_round_id_testing_rounds_community_id_id_fk" FOREIGN KEY ("community_id","round_id") REFERENCES "public"."testing_rounds"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_gateways" ADD CONSTRAINT "notice_gateways_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_gateways" ADD CONSTRAINT "notice_gateways_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcement_recipients_account_idx" ON "announcement_recipients" USING btree ("community_id","account_id");--> statement-breakpoint
CREATE INDEX "announcements_published_idx" ON "announcements" USING btree ("community_id","published_at");--> statement-breakpoint
CREATE INDEX "relay_tasks_due_idx" ON "relay_tasks" USING btree ("escalate_at") WHERE "relay_tasks"."confirmed_at" is null and "relay_tasks"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "relay_tasks_account_idx" ON "relay_tasks" USING btree ("community_id","relay_account_id","created_at");--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("community_id","owner_account_id","status");--> statement-breakpoint
CREATE INDEX "committee_meetings_held_idx" ON "committee_meetings" USING btree ("community_id","held_at");--> statement-breakpoint
CREATE INDEX "disinfection_tasks_open_idx" ON "disinfection_tasks" USING btree ("community_id","status","due_at");