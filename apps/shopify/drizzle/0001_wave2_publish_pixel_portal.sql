CREATE TABLE "influencer_invites" (
	"shop_id" integer NOT NULL,
	"influencer_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "influencer_invites_shop_id_influencer_id_pk" PRIMARY KEY("shop_id","influencer_id"),
	CONSTRAINT "influencer_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "pixel_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"event_id" text NOT NULL,
	"name" text NOT NULL,
	"click_id" text,
	"influencer_id" text,
	"checkout_token" text,
	"order_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"shop_id" integer NOT NULL,
	"widget" text NOT NULL,
	"scope" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_shop_id_widget_scope_target_pk" PRIMARY KEY("shop_id","widget","scope","target")
);
--> statement-breakpoint
ALTER TABLE "influencers" ADD COLUMN "commission_kind" text;--> statement-breakpoint
ALTER TABLE "influencers" ADD COLUMN "commission_value" integer;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "industry" text DEFAULT 'retail' NOT NULL;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "low_sample" jsonb;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "benchmarks" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "public_key" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "influencer_invites" ADD CONSTRAINT "influencer_invites_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influencer_invites" ADD CONSTRAINT "influencer_invites_influencer_id_influencers_id_fk" FOREIGN KEY ("influencer_id") REFERENCES "public"."influencers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pixel_events" ADD CONSTRAINT "pixel_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pixel_events_shop_event" ON "pixel_events" USING btree ("shop_id","event_id");--> statement-breakpoint
CREATE INDEX "pixel_events_shop_influencer" ON "pixel_events" USING btree ("shop_id","influencer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pixel_events_shop_checkout" ON "pixel_events" USING btree ("shop_id","checkout_token");--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_public_key_unique" UNIQUE("public_key");