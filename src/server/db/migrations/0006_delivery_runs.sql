ALTER TABLE "delivery_runs" ADD COLUMN "gate_id" uuid;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD COLUMN "trip" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "parcel_reminder_minutes" integer DEFAULT 240 NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_community_id_gate_id_gates_community_id_id_fk" FOREIGN KEY ("community_id","gate_id") REFERENCES "public"."gates"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parcels_run_idx" ON "parcels" USING btree ("community_id","run_id") WHERE "parcels"."run_id" is not null;--> statement-breakpoint
CREATE INDEX "parcels_pickup_code_idx" ON "parcels" USING btree ("community_id","building_id","pickup_code") WHERE "parcels"."status" = 'delivered';