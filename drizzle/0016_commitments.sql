CREATE TABLE "commitment_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commitment_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commitment_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text NOT NULL,
	"source" text,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_entries_kind_check" CHECK ("commitment_entries"."kind" in ('status', 'update', 'comment')),
	CONSTRAINT "commitment_entries_status_fields" CHECK (("commitment_entries"."kind" = 'status') = ("commitment_entries"."to_status" is not null)),
	CONSTRAINT "commitment_entries_to_status_check" CHECK ("commitment_entries"."to_status" is null or "commitment_entries"."to_status" in ('offen', 'in_arbeit', 'erledigt', 'nicht_erledigt', 'ueberholt')),
	CONSTRAINT "commitment_entries_note_length" CHECK (char_length(btrim("commitment_entries"."note")) between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "commitment_recommendations" (
	"commitment_id" integer NOT NULL,
	"recommendation_id" integer NOT NULL,
	CONSTRAINT "commitment_recommendations_commitment_id_recommendation_id_pk" PRIMARY KEY("commitment_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "commitment_topics" (
	"commitment_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	CONSTRAINT "commitment_topics_commitment_id_topic_id_pk" PRIMARY KEY("commitment_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commitments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"promise" text NOT NULL,
	"office" text NOT NULL,
	"source_paper_id" integer,
	"source_passage" text,
	"source_meeting_id" integer,
	"source_agenda_item_id" integer,
	"due_text" text,
	"due_date" date,
	"status" text DEFAULT 'offen' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_status_check" CHECK ("commitments"."status" in ('offen', 'in_arbeit', 'erledigt', 'nicht_erledigt', 'ueberholt')),
	CONSTRAINT "commitments_title_length" CHECK (char_length(btrim("commitments"."title")) between 1 and 200),
	CONSTRAINT "commitments_promise_length" CHECK (char_length(btrim("commitments"."promise")) between 1 and 4000),
	CONSTRAINT "commitments_office_length" CHECK (char_length(btrim("commitments"."office")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "recommendation_outcomes" (
	"recommendation_id" integer PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_by_id" integer,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_outcomes_outcome_check" CHECK ("recommendation_outcomes"."outcome" in ('umgesetzt', 'teilweise', 'nicht_umgesetzt'))
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_type_check";--> statement-breakpoint
ALTER TABLE "commitment_entries" ADD CONSTRAINT "commitment_entries_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_entries" ADD CONSTRAINT "commitment_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_recommendations" ADD CONSTRAINT "commitment_recommendations_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_recommendations" ADD CONSTRAINT "commitment_recommendations_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_topics" ADD CONSTRAINT "commitment_topics_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_topics" ADD CONSTRAINT "commitment_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_source_paper_id_papers_id_fk" FOREIGN KEY ("source_paper_id") REFERENCES "public"."papers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_source_meeting_id_meetings_id_fk" FOREIGN KEY ("source_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_source_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("source_agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_outcomes" ADD CONSTRAINT "recommendation_outcomes_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_outcomes" ADD CONSTRAINT "recommendation_outcomes_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_entries_commitment_idx" ON "commitment_entries" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "commitment_recommendations_rec_idx" ON "commitment_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "commitment_topics_topic_idx" ON "commitment_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("due_date") WHERE "commitments"."status" in ('offen', 'in_arbeit');--> statement-breakpoint
CREATE INDEX "commitments_source_paper_idx" ON "commitments" USING btree ("source_paper_id");--> statement-breakpoint
CREATE INDEX "commitments_source_meeting_idx" ON "commitments" USING btree ("source_meeting_id");--> statement-breakpoint
CREATE INDEX "commitments_status_changed_idx" ON "commitments" USING btree ("status_changed_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_type_check" CHECK ("follows"."object_type" in ('topic', 'recommendation', 'paper', 'meeting', 'round', 'commitment'));