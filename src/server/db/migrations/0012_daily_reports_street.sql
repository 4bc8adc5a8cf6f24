CREATE TABLE "daily_reports" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"figures" jsonb NOT NULL,
	"events" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"trigger" text DEFAULT 'scheduled' NOT NULL,
	CONSTRAINT "daily_reports_community_id_day_pk" PRIMARY KEY("community_id","day")
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "daily_report_time" text DEFAULT '21:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "latitude" real;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "longitude" real;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_generated_by_accounts_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;