ALTER TABLE "volunteers" DROP CONSTRAINT "volunteers_calendar_key";--> statement-breakpoint
CREATE INDEX "volunteers_calendar_idx" ON "volunteers" USING btree ("calendar_token");--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_calendar_key" UNIQUE("community_id","calendar_token");