CREATE TABLE "care_contacts" (
	"community_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"resident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	CONSTRAINT "care_contacts_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "care_contacts_kind_check" CHECK ("care_contacts"."kind" in ('call', 'visit', 'request', 'delivery'))
);
--> statement-breakpoint
CREATE TABLE "medicine_attachments" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "medicine_attachments_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "medicine_attachments_kind_check" CHECK ("medicine_attachments"."kind" in ('prescription', 'insurance_card', 'box', 'receipt', 'delivery')),
	CONSTRAINT "medicine_attachments_mime_check" CHECK ("medicine_attachments"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "medicine_attachments_bytes_check" CHECK ("medicine_attachments"."bytes" > 0 and "medicine_attachments"."bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "medicine_request_events" (
	"community_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	CONSTRAINT "medicine_request_events_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "medicine_requests" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"requested_by" uuid,
	"intake" text DEFAULT 'app' NOT NULL,
	"drug_name" text NOT NULL,
	"strength" text,
	"quantity" text NOT NULL,
	"source" text,
	"source_key" text,
	"supply_days_left" real,
	"runs_out_at" timestamp with time zone,
	"chronic" boolean DEFAULT false NOT NULL,
	"payment" text DEFAULT 'yes' NOT NULL,
	"note" text,
	"urgency" text NOT NULL,
	"urgency_reason" text NOT NULL,
	"matched_medicine" text,
	"urgency_overridden_by" uuid,
	"deadline_at" timestamp with time zone NOT NULL,
	"escalation" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"status" text DEFAULT 'requested' NOT NULL,
	"status_reason" text,
	"assigned_to" uuid,
	"assigned_at" timestamp with time zone,
	"trip_id" uuid,
	"bought" text,
	"cost_cents" integer,
	"substitution" text,
	"substitution_confirmed_at" timestamp with time zone,
	"days_supplied" real,
	"next_runs_out_at" timestamp with time zone,
	"follow_up_reminded_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "medicine_requests_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "medicine_requests_status_check" CHECK ("medicine_requests"."status" in ('requested', 'triaged', 'assigned', 'purchasing', 'delivered', 'confirmed', 'cancelled', 'unavailable')),
	CONSTRAINT "medicine_requests_urgency_check" CHECK ("medicine_requests"."urgency" in ('critical', 'high', 'normal')),
	CONSTRAINT "medicine_requests_intake_check" CHECK ("medicine_requests"."intake" in ('app', 'proxy', 'written')),
	CONSTRAINT "medicine_requests_payment_check" CHECK ("medicine_requests"."payment" in ('yes', 'no', 'on_delivery')),
	CONSTRAINT "medicine_requests_cost_check" CHECK ("medicine_requests"."cost_cents" is null or "medicine_requests"."cost_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "medicine_trips" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"driver" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "medicine_trips_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "medicine_trips_status_check" CHECK ("medicine_trips"."status" in ('planned', 'started', 'done'))
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "medicine_critical_hours" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "medicine_high_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "medicine_normal_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_by_accounts_id_fk" FOREIGN KEY ("by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_community_id_resident_id_residents_community_id_id_fk" FOREIGN KEY ("community_id","resident_id") REFERENCES "public"."residents"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_attachments" ADD CONSTRAINT "medicine_attachments_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_attachments" ADD CONSTRAINT "medicine_attachments_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_attachments" ADD CONSTRAINT "medicine_attachments_community_id_request_id_medicine_requests_community_id_id_fk" FOREIGN KEY ("community_id","request_id") REFERENCES "public"."medicine_requests"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_request_events" ADD CONSTRAINT "medicine_request_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_request_events" ADD CONSTRAINT "medicine_request_events_by_accounts_id_fk" FOREIGN KEY ("by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_request_events" ADD CONSTRAINT "medicine_request_events_community_id_request_id_medicine_requests_community_id_id_fk" FOREIGN KEY ("community_id","request_id") REFERENCES "public"."medicine_requests"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_urgency_overridden_by_accounts_id_fk" FOREIGN KEY ("urgency_overridden_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_assigned_to_accounts_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_confirmed_by_accounts_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_community_id_household_id_households_community_id_id_fk" FOREIGN KEY ("community_id","household_id") REFERENCES "public"."households"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_community_id_resident_id_residents_community_id_id_fk" FOREIGN KEY ("community_id","resident_id") REFERENCES "public"."residents"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_requests" ADD CONSTRAINT "medicine_requests_community_id_trip_id_medicine_trips_community_id_id_fk" FOREIGN KEY ("community_id","trip_id") REFERENCES "public"."medicine_trips"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_trips" ADD CONSTRAINT "medicine_trips_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_trips" ADD CONSTRAINT "medicine_trips_driver_accounts_id_fk" FOREIGN KEY ("driver") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicine_trips" ADD CONSTRAINT "medicine_trips_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_contacts_resident_idx" ON "care_contacts" USING btree ("community_id","resident_id","at");--> statement-breakpoint
CREATE INDEX "medicine_attachments_request_idx" ON "medicine_attachments" USING btree ("community_id","request_id");--> statement-breakpoint
CREATE INDEX "medicine_request_events_request_idx" ON "medicine_request_events" USING btree ("community_id","request_id","at");--> statement-breakpoint
CREATE INDEX "medicine_requests_open_idx" ON "medicine_requests" USING btree ("community_id","deadline_at") WHERE "medicine_requests"."status" not in ('confirmed', 'cancelled', 'unavailable');--> statement-breakpoint
CREATE INDEX "medicine_requests_household_idx" ON "medicine_requests" USING btree ("community_id","household_id","created_at");--> statement-breakpoint
CREATE INDEX "medicine_requests_resident_idx" ON "medicine_requests" USING btree ("community_id","resident_id","created_at");