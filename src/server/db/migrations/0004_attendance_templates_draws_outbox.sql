CREATE TABLE "shift_draws" (
	"community_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"rule" text NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"results" jsonb NOT NULL,
	CONSTRAINT "shift_draws_community_id_shift_id_pk" PRIMARY KEY("community_id","shift_id")
);
--> statement-breakpoint
CREATE TABLE "shift_templates" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"roles" jsonb NOT NULL,
	"opens_days_before" integer DEFAULT 1 NOT NULL,
	"opens_at" text DEFAULT '20:00' NOT NULL,
	"closes_minutes_before" integer DEFAULT 60 NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 120 NOT NULL,
	"mode" text DEFAULT 'first_come' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "shift_templates_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"community_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"critical" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"critical" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
ALTER TABLE "shifts" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "badge_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "calendar_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD COLUMN "checked_in_by" uuid;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "shift_draws" ADD CONSTRAINT "shift_draws_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_draws" ADD CONSTRAINT "shift_draws_community_id_shift_id_shifts_community_id_id_fk" FOREIGN KEY ("community_id","shift_id") REFERENCES "public"."shifts"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_templates" ADD CONSTRAINT "shift_templates_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_templates" ADD CONSTRAINT "shift_templates_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_templates" ADD CONSTRAINT "shift_templates_community_id_group_id_volunteer_groups_community_id_id_fk" FOREIGN KEY ("community_id","group_id") REFERENCES "public"."volunteer_groups"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","community_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_checked_in_by_accounts_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_template_start_key" ON "shifts" USING btree ("community_id","template_id","starts_at") WHERE "shifts"."template_id" is not null;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_badge_key" UNIQUE("community_id","badge_token");--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_calendar_key" UNIQUE("calendar_token");