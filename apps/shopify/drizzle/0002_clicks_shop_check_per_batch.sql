ALTER TABLE "clicks" DROP CONSTRAINT "clicks_shop_id_shops_id_fk";
--> statement-breakpoint
DROP INDEX "clicks_shop_at";