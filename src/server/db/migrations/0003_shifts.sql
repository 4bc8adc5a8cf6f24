CREATE TABLE "idempotency_keys" (
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_community_id_account_id_key_pk" PRIMARY KEY("community_id","account_id","key")
);
--> statement-breakpoint
CREATE TABLE "shift_roles" (
	"community_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"role" text NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "shift_roles_community_id_shift_id_role_pk" PRIMARY KEY("community_id","shift_id","role"),
	CONSTRAINT "shift_roles_taken_check" CHECK ("shift_roles"."taken" >= 0 and "shift_roles"."taken" <= "shift_roles"."capacity")
);
--> statement-breakpoint
CREATE TABLE "shift_signups" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shift_id" uuid NOT NULL,
	"role" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigserial NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"no_show" boolean DEFAULT false NOT NULL,
	CONSTRAINT "shift_signups_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"signup_opens_at" timestamp with time zone NOT NULL,
	"signup_closes_at" timestamp with time zone NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 120 NOT NULL,
	"mode" text DEFAULT 'first_come' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shifts_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "shifts_times_check" CHECK ("shifts"."ends_at" > "shifts"."starts_at" and "shifts"."signup_closes_at" > "shifts"."signup_opens_at")
);
--> statement-breakpoint
ALTER TABLE "volunteer_groups" ADD COLUMN "max_shifts_per_day" integer;--> statement-breakpoint
ALTER TABLE "volunteer_groups" ADD COLUMN "max_shifts_per_week" integer;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_roles" ADD CONSTRAINT "shift_roles_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_roles" ADD CONSTRAINT "shift_roles_community_id_shift_id_shifts_community_id_id_fk" FOREIGN KEY ("community_id","shift_id") REFERENCES "public"."shifts"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_community_id_shift_id_shifts_community_id_id_fk" FOREIGN KEY ("community_id","shift_id") REFERENCES "public"."shifts"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_community_id_volunteer_id_volunteers_community_id_id_fk" FOREIGN KEY ("community_id","volunteer_id") REFERENCES "public"."volunteers"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_community_id_group_id_volunteer_groups_community_id_id_fk" FOREIGN KEY ("community_id","group_id") REFERENCES "public"."volunteer_groups"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shift_signups_one_per_volunteer" ON "shift_signups" USING btree ("community_id","shift_id","volunteer_id") WHERE "shift_signups"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "shift_signups_volunteer_idx" ON "shift_signups" USING btree ("community_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "shifts_starts_idx" ON "shifts" USING btree ("community_id","starts_at");