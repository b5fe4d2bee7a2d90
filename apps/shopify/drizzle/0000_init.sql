CREATE TABLE "attributions" (
	"shop_id" integer NOT NULL,
	"order_id" text NOT NULL,
	"order_name" text NOT NULL,
	"goal" text NOT NULL,
	"order_created_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"excluded_reason" text,
	"influencer_id" text,
	"campaign" text,
	"rule" text,
	"evidence" jsonb NOT NULL,
	"overruled" jsonb NOT NULL,
	"expired" jsonb NOT NULL,
	"revenue" bigint NOT NULL,
	"currency" text NOT NULL,
	"segments" jsonb NOT NULL,
	"attributed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attributions_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"shop_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"type" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_shop_id_key_pk" PRIMARY KEY("shop_id","key")
);
--> statement-breakpoint
CREATE TABLE "clicks" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"link_id" text NOT NULL,
	"slug" text NOT NULL,
	"influencer_id" text NOT NULL,
	"campaign" text,
	"at" timestamp with time zone NOT NULL,
	"visitor_hash" text NOT NULL,
	"method" text NOT NULL,
	"bot" boolean NOT NULL,
	"counted" boolean NOT NULL,
	"country" text,
	"device" text
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"topic" text NOT NULL,
	"event_id" text,
	"webhook_id" text,
	"raw_body" text NOT NULL,
	"error" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_codes" (
	"shop_id" integer NOT NULL,
	"code_lower" text NOT NULL,
	"code" text NOT NULL,
	"influencer_id" text NOT NULL,
	"campaign" text,
	"shopify_id" text,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_codes_shop_id_code_lower_pk" PRIMARY KEY("shop_id","code_lower")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"shop_id" integer NOT NULL,
	"day" text NOT NULL,
	"influencer_id" text NOT NULL,
	"campaign" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "engagements_shop_id_day_influencer_id_campaign_pk" PRIMARY KEY("shop_id","day","influencer_id","campaign")
);
--> statement-breakpoint
CREATE TABLE "influencers" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"handle" text NOT NULL,
	"name" text,
	"email_hash" text,
	"customer_id_hash" text,
	"utm" text,
	"default_campaign" text,
	"platform" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"shop_id" integer NOT NULL,
	"id" text NOT NULL,
	"goal" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"subtotal" bigint NOT NULL,
	"test" boolean NOT NULL,
	"cancelled" boolean NOT NULL,
	"refunded" boolean NOT NULL,
	"customer_id_hash" text,
	"customer_email_hash" text,
	"customer_type" text,
	"country" text,
	"device" text,
	"products" text[] NOT NULL,
	"discount_codes" text[] NOT NULL,
	"discount_codes_lower" text[] NOT NULL,
	"click_ids" text[] NOT NULL,
	"visits" jsonb NOT NULL,
	"snapshot_refund_ids" text[] NOT NULL,
	CONSTRAINT "orders_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"shop_id" integer NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"subtotal" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refunds_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "rollups" (
	"shop_id" integer NOT NULL,
	"day" text NOT NULL,
	"influencer_id" text NOT NULL,
	"campaign" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"bot_clicks" integer DEFAULT 0 NOT NULL,
	"engagements" integer DEFAULT 0 NOT NULL,
	"purchase_code" integer DEFAULT 0 NOT NULL,
	"purchase_link" integer DEFAULT 0 NOT NULL,
	"purchase_utm" integer DEFAULT 0 NOT NULL,
	"signup_code" integer DEFAULT 0 NOT NULL,
	"signup_link" integer DEFAULT 0 NOT NULL,
	"signup_utm" integer DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollups_shop_id_day_influencer_id_campaign_dimension_value_pk" PRIMARY KEY("shop_id","day","influencer_id","campaign","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"state" text NOT NULL,
	"isOnline" boolean DEFAULT false NOT NULL,
	"scope" text,
	"expires" timestamp,
	"accessToken" text NOT NULL,
	"userId" bigint,
	"firstName" text,
	"lastName" text,
	"email" text,
	"accountOwner" boolean,
	"locale" text,
	"collaborator" boolean,
	"emailVerified" boolean,
	"refreshToken" text,
	"refreshTokenExpires" timestamp
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"slug" text NOT NULL,
	"influencer_id" text NOT NULL,
	"campaign" text,
	"platform" text,
	"destination" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "shop_settings" (
	"shop_id" integer PRIMARY KEY NOT NULL,
	"attribution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trust_proxy" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shops" (
	"id" serial PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"salt" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone,
	CONSTRAINT "shops_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"shop_id" integer NOT NULL,
	"event_id" text NOT NULL,
	"topic" text NOT NULL,
	"webhook_id" text,
	"triggered_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "webhook_events_shop_id_event_id_topic_pk" PRIMARY KEY("shop_id","event_id","topic")
);
--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dead_letters" ADD CONSTRAINT "dead_letters_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_influencer_id_influencers_id_fk" FOREIGN KEY ("influencer_id") REFERENCES "public"."influencers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_influencer_id_influencers_id_fk" FOREIGN KEY ("influencer_id") REFERENCES "public"."influencers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influencers" ADD CONSTRAINT "influencers_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollups" ADD CONSTRAINT "rollups_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_influencer_id_influencers_id_fk" FOREIGN KEY ("influencer_id") REFERENCES "public"."influencers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attributions_shop_influencer" ON "attributions" USING btree ("shop_id","influencer_id");--> statement-breakpoint
CREATE INDEX "clicks_shop_at" ON "clicks" USING btree ("shop_id","at");--> statement-breakpoint
CREATE INDEX "clicks_dedupe" ON "clicks" USING btree ("shop_id","link_id","visitor_hash","at");--> statement-breakpoint
CREATE INDEX "dead_letters_shop" ON "dead_letters" USING btree ("shop_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "influencers_shop_handle" ON "influencers" USING btree ("shop_id","handle");--> statement-breakpoint
CREATE INDEX "jobs_shop_kind" ON "jobs" USING btree ("shop_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "orders_shop_created" ON "orders" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_codes" ON "orders" USING gin ("discount_codes_lower");--> statement-breakpoint
CREATE INDEX "orders_clicks" ON "orders" USING gin ("click_ids");--> statement-breakpoint
CREATE INDEX "refunds_order" ON "refunds" USING btree ("shop_id","order_id");--> statement-breakpoint
CREATE INDEX "share_links_shop_influencer" ON "share_links" USING btree ("shop_id","influencer_id");--> statement-breakpoint
CREATE INDEX "webhook_events_received" ON "webhook_events" USING btree ("received_at");