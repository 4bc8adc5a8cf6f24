CREATE TABLE "group_buy_drops" (
	"community_id" uuid NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"distributed_at" timestamp with time zone NOT NULL,
	"distributed_by" uuid,
	CONSTRAINT "group_buy_drops_community_id_group_buy_id_building_id_pk" PRIMARY KEY("community_id","group_buy_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "group_buy_exceptions" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_buy_exceptions_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "group_buy_exceptions_kind_check" CHECK ("group_buy_exceptions"."kind" in ('damaged', 'missing', 'other')),
	CONSTRAINT "group_buy_exceptions_quantity_check" CHECK ("group_buy_exceptions"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "group_buy_items" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"price_fen" integer NOT NULL,
	"stock" integer,
	"per_household_limit" integer,
	"received" integer,
	CONSTRAINT "group_buy_items_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "group_buy_items_seq_unique" UNIQUE("community_id","group_buy_id","seq"),
	CONSTRAINT "group_buy_items_price_check" CHECK ("group_buy_items"."price_fen" >= 0),
	CONSTRAINT "group_buy_items_stock_check" CHECK ("group_buy_items"."stock" is null or "group_buy_items"."stock" >= 0),
	CONSTRAINT "group_buy_items_limit_check" CHECK ("group_buy_items"."per_household_limit" is null or "group_buy_items"."per_household_limit" > 0),
	CONSTRAINT "group_buy_items_received_check" CHECK ("group_buy_items"."received" is null or "group_buy_items"."received" >= 0)
);
--> statement-breakpoint
CREATE TABLE "group_buy_order_lines" (
	"community_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"allocated" integer,
	CONSTRAINT "group_buy_order_lines_community_id_order_id_item_id_pk" PRIMARY KEY("community_id","order_id","item_id"),
	CONSTRAINT "group_buy_order_lines_quantity_check" CHECK ("group_buy_order_lines"."quantity" > 0),
	CONSTRAINT "group_buy_order_lines_allocated_check" CHECK ("group_buy_order_lines"."allocated" is null or "group_buy_order_lines"."allocated" >= 0)
);
--> statement-breakpoint
CREATE TABLE "group_buy_orders" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"placed_by" uuid,
	"proxy" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"payment" text DEFAULT 'unpaid' NOT NULL,
	"payment_marked_by" uuid,
	"payment_marked_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_confirmed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_buy_orders_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "group_buy_orders_household_unique" UNIQUE("community_id","group_buy_id","household_id"),
	CONSTRAINT "group_buy_orders_status_check" CHECK ("group_buy_orders"."status" in ('active', 'withdrawn')),
	CONSTRAINT "group_buy_orders_payment_check" CHECK ("group_buy_orders"."payment" in ('unpaid', 'paid', 'on_delivery'))
);
--> statement-breakpoint
CREATE TABLE "group_buys" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_contact" text,
	"note" text,
	"minimum_total_fen" integer,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"fulfilment" text DEFAULT 'delivery' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"allocation_seed" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"arrived_at" timestamp with time zone,
	"supplier_bill_fen" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "group_buys_community_id_id_pk" PRIMARY KEY("community_id","id"),
	CONSTRAINT "group_buys_window_check" CHECK ("group_buys"."closes_at" > "group_buys"."opens_at"),
	CONSTRAINT "group_buys_fulfilment_check" CHECK ("group_buys"."fulfilment" in ('pickup', 'delivery')),
	CONSTRAINT "group_buys_status_check" CHECK ("group_buys"."status" in ('open', 'allocated', 'failed', 'cancelled', 'arrived', 'done'))
);
--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD COLUMN "group_buy_id" uuid;--> statement-breakpoint
ALTER TABLE "group_buy_drops" ADD CONSTRAINT "group_buy_drops_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_drops" ADD CONSTRAINT "group_buy_drops_distributed_by_accounts_id_fk" FOREIGN KEY ("distributed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_drops" ADD CONSTRAINT "group_buy_drops_community_id_group_buy_id_group_buys_community_id_id_fk" FOREIGN KEY ("community_id","group_buy_id") REFERENCES "public"."group_buys"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_drops" ADD CONSTRAINT "group_buy_drops_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_exceptions" ADD CONSTRAINT "group_buy_exceptions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_exceptions" ADD CONSTRAINT "group_buy_exceptions_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_exceptions" ADD CONSTRAINT "group_buy_exceptions_community_id_order_id_group_buy_orders_community_id_id_fk" FOREIGN KEY ("community_id","order_id") REFERENCES "public"."group_buy_orders"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_items" ADD CONSTRAINT "group_buy_items_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_items" ADD CONSTRAINT "group_buy_items_community_id_group_buy_id_group_buys_community_id_id_fk" FOREIGN KEY ("community_id","group_buy_id") REFERENCES "public"."group_buys"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_order_lines" ADD CONSTRAINT "group_buy_order_lines_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_order_lines" ADD CONSTRAINT "group_buy_order_lines_community_id_order_id_group_buy_orders_community_id_id_fk" FOREIGN KEY ("community_id","order_id") REFERENCES "public"."group_buy_orders"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_order_lines" ADD CONSTRAINT "group_buy_order_lines_community_id_item_id_group_buy_items_community_id_id_fk" FOREIGN KEY ("community_id","item_id") REFERENCES "public"."group_buy_items"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_placed_by_accounts_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_payment_marked_by_accounts_id_fk" FOREIGN KEY ("payment_marked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_received_confirmed_by_accounts_id_fk" FOREIGN KEY ("received_confirmed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_community_id_group_buy_id_group_buys_community_id_id_fk" FOREIGN KEY ("community_id","group_buy_id") REFERENCES "public"."group_buys"("community_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buy_orders" ADD CONSTRAINT "group_buy_orders_community_id_household_id_households_community_id_id_fk" FOREIGN KEY ("community_id","household_id") REFERENCES "public"."households"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buys" ADD CONSTRAINT "group_buys_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buys" ADD CONSTRAINT "group_buys_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buys" ADD CONSTRAINT "group_buys_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_buy_exceptions_buy_idx" ON "group_buy_exceptions" USING btree ("community_id","group_buy_id");--> statement-breakpoint
CREATE INDEX "group_buy_order_lines_item_idx" ON "group_buy_order_lines" USING btree ("community_id","item_id");--> statement-breakpoint
CREATE INDEX "group_buys_status_idx" ON "group_buys" USING btree ("community_id","status","closes_at");--> statement-breakpoint
ALTER TABLE "delivery_runs" ADD CONSTRAINT "delivery_runs_community_id_group_buy_id_group_buys_community_id_id_fk" FOREIGN KEY ("community_id","group_buy_id") REFERENCES "public"."group_buys"("community_id","id") ON DELETE cascade ON UPDATE no action;