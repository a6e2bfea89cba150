ALTER TABLE "comments" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "html_stamp" text;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "html_stamp" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "description_html" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "minutes_html" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "html_stamp" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "resolution_recommendation_html" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "html_stamp" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "html_stamp" text;