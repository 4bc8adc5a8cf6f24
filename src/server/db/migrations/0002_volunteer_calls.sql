CREATE TABLE "volunteer_calls" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "volunteer_calls_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "volunteer_calls_token_key" UNIQUE("community_id","token")
);
--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "volunteer_calls" ADD CONSTRAINT "volunteer_calls_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_calls" ADD CONSTRAINT "volunteer_calls_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;