ALTER TABLE "comments" ADD COLUMN "recommendation_version" integer;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "discussion_topic_id" integer;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_discussion_topic_id_topics_id_fk" FOREIGN KEY ("discussion_topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_discussion_topic_idx" ON "recommendations" USING btree ("discussion_topic_id");