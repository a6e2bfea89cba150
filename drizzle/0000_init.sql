CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" integer,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('admin', 'staff', 'expert', 'council'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	CONSTRAINT "sessions_expiry_order" CHECK ("sessions"."expires_at" <= "sessions"."absolute_expires_at")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text,
	"name" text,
	"organisation" text,
	"role" text NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"previous_visit_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'staff', 'expert', 'council')),
	CONSTRAINT "users_email_format" CHECK ("users"."email" is null or "users"."email" like '%_@_%'),
	CONSTRAINT "users_deleted_is_anonymous" CHECK ("users"."deleted_at" is null or ("users"."email" is null and "users"."password_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "comment_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comment_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"comment_id" integer NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_versions_comment_version_unique" UNIQUE("comment_id","version"),
	CONSTRAINT "comment_versions_version_positive" CHECK ("comment_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"topic_id" integer NOT NULL,
	"parent_id" integer,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by_id" integer,
	"hidden_reason" text,
	"is_top_level" boolean GENERATED ALWAYS AS (parent_id is null) STORED NOT NULL,
	"parent_must_be_top_level" boolean GENERATED ALWAYS AS (case when parent_id is null then null else true end) STORED,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', coalesce(body, ''))) STORED NOT NULL,
	CONSTRAINT "comments_id_topic_level_unique" UNIQUE("id","topic_id","is_top_level"),
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") between 1 and 20000),
	CONSTRAINT "comments_hidden_has_reason" CHECK (("comments"."hidden_at" is null) = ("comments"."hidden_reason" is null) and char_length(coalesce("comments"."hidden_reason", 'x')) between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "topic_fields" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topic_fields_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_fields_name_length" CHECK (char_length("topic_fields"."name") between 2 and 80)
);
--> statement-breakpoint
CREATE TABLE "topic_follows" (
	"user_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_follows_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "topic_reads" (
	"user_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_reads_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"field_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(body, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "topics_slug_unique" UNIQUE("slug"),
	CONSTRAINT "topics_status_check" CHECK ("topics"."status" in ('open', 'closed')),
	CONSTRAINT "topics_visibility_check" CHECK ("topics"."visibility" in ('internal', 'public')),
	CONSTRAINT "topics_title_length" CHECK (char_length("topics"."title") between 3 and 200),
	CONSTRAINT "topics_body_length" CHECK (char_length("topics"."body") <= 20000),
	CONSTRAINT "topics_slug_format" CHECK ("topics"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "rating_criteria" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_criteria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"title" text NOT NULL,
	"scale_description" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_criteria_id_round_unique" UNIQUE("id","round_id"),
	CONSTRAINT "rating_criteria_round_title_unique" UNIQUE("round_id","title"),
	CONSTRAINT "rating_criteria_weight_range" CHECK ("rating_criteria"."weight" between 0 and 100),
	CONSTRAINT "rating_criteria_title_length" CHECK (char_length("rating_criteria"."title") between 2 and 120),
	CONSTRAINT "rating_criteria_scale_length" CHECK (char_length("rating_criteria"."scale_description") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "rating_knockout_checks" (
	"round_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"knockout_id" integer NOT NULL,
	"passed" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "rating_knockout_checks_unique" UNIQUE("proposal_id","knockout_id"),
	CONSTRAINT "rating_knockout_checks_note_length" CHECK (char_length("rating_knockout_checks"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "rating_knockouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_knockouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_knockouts_id_round_unique" UNIQUE("id","round_id"),
	CONSTRAINT "rating_knockouts_round_title_unique" UNIQUE("round_id","title"),
	CONSTRAINT "rating_knockouts_title_length" CHECK (char_length("rating_knockouts"."title") between 2 and 120),
	CONSTRAINT "rating_knockouts_description_length" CHECK (char_length("rating_knockouts"."description") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "rating_proposals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"title" text NOT NULL,
	"vendor" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"hosting_location" text DEFAULT '' NOT NULL,
	"avv_available" boolean,
	"bsi_c5" boolean,
	"iso_27001" boolean,
	"accessibility" text DEFAULT '' NOT NULL,
	"price_model" text DEFAULT '' NOT NULL,
	"reference_customers" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"discussion_topic_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce(title, '') || ' ' || coalesce(vendor, '')), 'A') || setweight(to_tsvector('german', coalesce(summary, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "rating_proposals_id_round_unique" UNIQUE("id","round_id"),
	CONSTRAINT "rating_proposals_round_title_unique" UNIQUE("round_id","title"),
	CONSTRAINT "rating_proposals_discussion_topic_unique" UNIQUE("discussion_topic_id"),
	CONSTRAINT "rating_proposals_title_length" CHECK (char_length("rating_proposals"."title") between 2 and 200),
	CONSTRAINT "rating_proposals_vendor_length" CHECK (char_length("rating_proposals"."vendor") between 2 and 200),
	CONSTRAINT "rating_proposals_summary_length" CHECK (char_length("rating_proposals"."summary") <= 20000),
	CONSTRAINT "rating_proposals_facts_length" CHECK (char_length("rating_proposals"."hosting_location") <= 500 and char_length("rating_proposals"."accessibility") <= 500 and char_length("rating_proposals"."price_model") <= 500 and char_length("rating_proposals"."reference_customers") <= 500)
);
--> statement-breakpoint
CREATE TABLE "rating_recusals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_recusals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"rater_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_recusals_rater_proposal_unique" UNIQUE("rater_id","proposal_id"),
	CONSTRAINT "rating_recusals_reason_length" CHECK (char_length(btrim("rating_recusals"."reason")) between 3 and 2000)
);
--> statement-breakpoint
CREATE TABLE "rating_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"ranking_method" text DEFAULT 'mean' NOT NULL,
	"closes_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_id" integer,
	"pseudonym_salt" text DEFAULT gen_random_uuid()::text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(description, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "rating_rounds_status_check" CHECK ("rating_rounds"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "rating_rounds_method_check" CHECK ("rating_rounds"."ranking_method" in ('mean', 'median')),
	CONSTRAINT "rating_rounds_title_length" CHECK (char_length("rating_rounds"."title") between 3 and 200),
	CONSTRAINT "rating_rounds_description_length" CHECK (char_length("rating_rounds"."description") <= 20000),
	CONSTRAINT "rating_rounds_open_has_dates" CHECK ("rating_rounds"."status" = 'draft' or ("rating_rounds"."closes_at" is not null and "rating_rounds"."opened_at" is not null)),
	CONSTRAINT "rating_rounds_closed_at" CHECK (("rating_rounds"."status" = 'closed') = ("rating_rounds"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "rating_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"rater_id" integer NOT NULL,
	"score" smallint NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_scores_rater_proposal_criterion_unique" UNIQUE("rater_id","proposal_id","criterion_id"),
	CONSTRAINT "rating_scores_score_range" CHECK ("rating_scores"."score" between 0 and 10),
	CONSTRAINT "rating_scores_reason_length" CHECK (char_length("rating_scores"."reason") <= 4000),
	CONSTRAINT "rating_scores_reason_required" CHECK ("rating_scores"."score" between 3 and 8 or char_length(btrim("rating_scores"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"number" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"topic_id" integer,
	"rating_round_id" integer,
	"paper_id" integer,
	"minutes" text,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', "agenda_items"."name"), 'A') || setweight(to_tsvector('german', "agenda_items"."description"), 'B')) STORED NOT NULL,
	CONSTRAINT "agenda_items_number_format" CHECK ("agenda_items"."number" ~ '^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$'),
	CONSTRAINT "agenda_items_name_length" CHECK (length(btrim("agenda_items"."name")) between 2 and 300),
	CONSTRAINT "agenda_items_description_length" CHECK (length("agenda_items"."description") <= 20000),
	CONSTRAINT "agenda_items_minutes_length" CHECK ("agenda_items"."minutes" is null or length("agenda_items"."minutes") <= 50000)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_attendees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"user_id" integer,
	"guest_name" text,
	"guest_affiliation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendees_user_or_guest" CHECK (("meeting_attendees"."user_id" is not null and "meeting_attendees"."guest_name" is null and "meeting_attendees"."guest_affiliation" is null) or ("meeting_attendees"."user_id" is null and length(btrim(coalesce("meeting_attendees"."guest_name", ''))) > 0))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"location_room" text,
	"location_address" text,
	"state" text DEFAULT 'terminiert' NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"cancellation_reason" text,
	"minutes_released_at" timestamp with time zone,
	"minutes_released_by_id" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_name_not_blank" CHECK (length(btrim("meetings"."name")) between 3 and 200),
	CONSTRAINT "meetings_end_after_start" CHECK ("meetings"."end" > "meetings"."start"),
	CONSTRAINT "meetings_state_check" CHECK ("meetings"."state" in ('terminiert', 'eingeladen', 'durchgefuehrt')),
	CONSTRAINT "meetings_cancellation_reason" CHECK (("meetings"."cancelled" and length(btrim(coalesce("meetings"."cancellation_reason", ''))) > 0) or (not "meetings"."cancelled" and "meetings"."cancellation_reason" is null)),
	CONSTRAINT "meetings_cancelled_not_held" CHECK (not ("meetings"."cancelled" and "meetings"."state" = 'durchgefuehrt')),
	CONSTRAINT "meetings_minutes_after_held" CHECK ("meetings"."minutes_released_at" is null or "meetings"."state" = 'durchgefuehrt')
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"paper_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"position" integer NOT NULL,
	"date" date,
	"agenda_item_number" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"role" text NOT NULL,
	"result" text,
	"count_yes" integer,
	"count_no" integer,
	"count_abstention" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_position_positive" CHECK ("consultations"."position" > 0),
	CONSTRAINT "consultations_role_check" CHECK ("consultations"."role" in ('vorberatung', 'entscheidung', 'kenntnisnahme')),
	CONSTRAINT "consultations_result_check" CHECK ("consultations"."result" is null or "consultations"."result" in ('einstimmig', 'mehrheitlich', 'kenntnis', 'abgelehnt', 'verworfen', 'vertagt', 'ohne_be', 'abgesetzt', 'geaendert')),
	CONSTRAINT "consultations_counts_non_negative" CHECK (coalesce("consultations"."count_yes", 0) >= 0 and coalesce("consultations"."count_no", 0) >= 0 and coalesce("consultations"."count_abstention", 0) >= 0),
	CONSTRAINT "consultations_result_needs_date" CHECK ("consultations"."result" is null or "consultations"."date" is not null),
	CONSTRAINT "consultations_counts_need_voted_result" CHECK (("consultations"."count_yes" is null and "consultations"."count_no" is null and "consultations"."count_abstention" is null) or coalesce("consultations"."result" in ('einstimmig', 'mehrheitlich', 'geaendert', 'abgelehnt', 'verworfen'), false)),
	CONSTRAINT "consultations_unanimous_no_against" CHECK ("consultations"."result" <> 'einstimmig' or coalesce("consultations"."count_no", 0) = 0),
	CONSTRAINT "consultations_majority_counts" CHECK ("consultations"."result" not in ('mehrheitlich', 'geaendert') or "consultations"."count_yes" is null or "consultations"."count_yes" > coalesce("consultations"."count_no", 0)),
	CONSTRAINT "consultations_rejected_counts" CHECK ("consultations"."result" not in ('abgelehnt', 'verworfen') or "consultations"."count_yes" is null or "consultations"."count_no" is null or "consultations"."count_no" >= "consultations"."count_yes"),
	CONSTRAINT "consultations_agenda_number_format" CHECK ("consultations"."agenda_item_number" is null or "consultations"."agenda_item_number" ~ '^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$')
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"classification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_not_blank" CHECK (length(btrim("organizations"."name")) > 0),
	CONSTRAINT "organizations_short_name_format" CHECK ("organizations"."short_name" ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE TABLE "paper_relations" (
	"paper_id" integer NOT NULL,
	"related_paper_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_relations_paper_id_related_paper_id_pk" PRIMARY KEY("paper_id","related_paper_id"),
	CONSTRAINT "paper_relations_not_self" CHECK ("paper_relations"."paper_id" <> "paper_relations"."related_paper_id")
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "papers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"paper_type" text NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"originator" text NOT NULL,
	"under_direction_of" text,
	"file_number" text,
	"body" text DEFAULT '' NOT NULL,
	"resolution_recommendation" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', "papers"."reference" || ' ' || "papers"."name" || ' ' || "papers"."originator" || ' ' || "papers"."body" || ' ' || coalesce("papers"."resolution_recommendation", ''))) STORED NOT NULL,
	CONSTRAINT "papers_reference_format" CHECK ("papers"."reference" ~ '^[A-Z]{2}/[0-9]{4}/[0-9]{4}$'),
	CONSTRAINT "papers_paper_type_check" CHECK ("papers"."paper_type" in ('Antrag', 'Stellungnahme', 'Beschlussvorlage', 'Mitteilung', 'Anfrage')),
	CONSTRAINT "papers_name_not_blank" CHECK (length(btrim("papers"."name")) > 0),
	CONSTRAINT "papers_originator_not_blank" CHECK (length(btrim("papers"."originator")) > 0)
);
--> statement-breakpoint
CREATE TABLE "recommendation_coauthors" (
	"recommendation_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_coauthors_recommendation_id_user_id_pk" PRIMARY KEY("recommendation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"version_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_comments_body_length" CHECK (char_length("recommendation_comments"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "recommendation_papers" (
	"recommendation_id" integer NOT NULL,
	"paper_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "recommendation_papers_recommendation_id_paper_id_pk" PRIMARY KEY("recommendation_id","paper_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_rounds" (
	"recommendation_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	CONSTRAINT "recommendation_rounds_recommendation_id_round_id_pk" PRIMARY KEY("recommendation_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_topics" (
	"recommendation_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	CONSTRAINT "recommendation_topics_recommendation_id_topic_id_pk" PRIMARY KEY("recommendation_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"correction_note" text,
	CONSTRAINT "recommendation_versions_number_unique" UNIQUE("recommendation_id","number"),
	CONSTRAINT "recommendation_versions_number_positive" CHECK ("recommendation_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "recommendation_votes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"choice" text NOT NULL,
	"conflict_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_votes_one_per_member" UNIQUE("recommendation_id","user_id"),
	CONSTRAINT "recommendation_votes_choice_check" CHECK ("recommendation_votes"."choice" in ('ja', 'nein', 'enthaltung', 'befangen')),
	CONSTRAINT "recommendation_votes_reason_only_conflict" CHECK ("recommendation_votes"."conflict_reason" is null or "recommendation_votes"."choice" = 'befangen')
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reference" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"vote_opened_at" timestamp with time zone,
	"vote_deadline" timestamp with time zone,
	"meeting_id" integer,
	"voted_version" integer,
	"vote_closed_at" timestamp with time zone,
	"result" text,
	"rejection_reason" text,
	"yes_count" integer,
	"no_count" integer,
	"abstain_count" integer,
	"recused_count" integer,
	"eligible_count" integer,
	"quorum_required" integer,
	"quorum_met" boolean,
	"published_at" timestamp with time zone,
	"published_version" integer,
	"is_public" boolean DEFAULT false NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce("title", '')), 'A') || setweight(to_tsvector('german', coalesce("summary", '')), 'B') || setweight(to_tsvector('german', coalesce("body", '')), 'C')) STORED,
	CONSTRAINT "recommendations_status_check" CHECK ("recommendations"."status" in ('draft', 'voting', 'adopted', 'rejected', 'published')),
	CONSTRAINT "recommendations_result_check" CHECK ("recommendations"."result" is null or "recommendations"."result" in ('einstimmig', 'mehrheitlich', 'abgelehnt')),
	CONSTRAINT "recommendations_rejection_check" CHECK ("recommendations"."rejection_reason" is null or "recommendations"."rejection_reason" in ('quorum', 'tie', 'majority')),
	CONSTRAINT "recommendations_title_length" CHECK (char_length("recommendations"."title") between 1 and 200),
	CONSTRAINT "recommendations_voting_frozen" CHECK ("recommendations"."status" = 'draft' or ("recommendations"."voted_version" is not null and "recommendations"."vote_opened_at" is not null)),
	CONSTRAINT "recommendations_closed_has_result" CHECK ("recommendations"."status" in ('draft', 'voting') or ("recommendations"."result" is not null and "recommendations"."vote_closed_at" is not null and "recommendations"."quorum_met" is not null)),
	CONSTRAINT "recommendations_adopted_result" CHECK ("recommendations"."status" not in ('adopted', 'published') or "recommendations"."result" in ('einstimmig', 'mehrheitlich')),
	CONSTRAINT "recommendations_rejected_result" CHECK ("recommendations"."status" <> 'rejected' or ("recommendations"."result" = 'abgelehnt' and "recommendations"."rejection_reason" is not null)),
	CONSTRAINT "recommendations_published_fields" CHECK ("recommendations"."status" <> 'published' or ("recommendations"."published_at" is not null and "recommendations"."reference" is not null and "recommendations"."published_version" is not null)),
	CONSTRAINT "recommendations_public_only_published" CHECK (not "recommendations"."is_public" or "recommendations"."status" = 'published')
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_versions" ADD CONSTRAINT "comment_versions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_top_level_fk" FOREIGN KEY ("parent_id","topic_id","parent_must_be_top_level") REFERENCES "public"."comments"("id","topic_id","is_top_level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_follows" ADD CONSTRAINT "topic_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_follows" ADD CONSTRAINT "topic_follows_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_reads" ADD CONSTRAINT "topic_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_reads" ADD CONSTRAINT "topic_reads_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_field_id_topic_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."topic_fields"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_criteria" ADD CONSTRAINT "rating_criteria_round_id_rating_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rating_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_knockout_checks" ADD CONSTRAINT "rating_knockout_checks_proposal_fk" FOREIGN KEY ("proposal_id","round_id") REFERENCES "public"."rating_proposals"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_knockout_checks" ADD CONSTRAINT "rating_knockout_checks_knockout_fk" FOREIGN KEY ("knockout_id","round_id") REFERENCES "public"."rating_knockouts"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_knockouts" ADD CONSTRAINT "rating_knockouts_round_id_rating_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rating_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_proposals" ADD CONSTRAINT "rating_proposals_round_id_rating_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rating_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_proposals" ADD CONSTRAINT "rating_proposals_discussion_topic_id_topics_id_fk" FOREIGN KEY ("discussion_topic_id") REFERENCES "public"."topics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_recusals" ADD CONSTRAINT "rating_recusals_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_recusals" ADD CONSTRAINT "rating_recusals_proposal_fk" FOREIGN KEY ("proposal_id","round_id") REFERENCES "public"."rating_proposals"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rounds" ADD CONSTRAINT "rating_rounds_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rounds" ADD CONSTRAINT "rating_rounds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scores" ADD CONSTRAINT "rating_scores_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scores" ADD CONSTRAINT "rating_scores_proposal_fk" FOREIGN KEY ("proposal_id","round_id") REFERENCES "public"."rating_proposals"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scores" ADD CONSTRAINT "rating_scores_criterion_fk" FOREIGN KEY ("criterion_id","round_id") REFERENCES "public"."rating_criteria"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_rating_round_id_rating_rounds_id_fk" FOREIGN KEY ("rating_round_id") REFERENCES "public"."rating_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_released_by_id_users_id_fk" FOREIGN KEY ("minutes_released_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_relations" ADD CONSTRAINT "paper_relations_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_relations" ADD CONSTRAINT "paper_relations_related_paper_id_papers_id_fk" FOREIGN KEY ("related_paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_coauthors" ADD CONSTRAINT "recommendation_coauthors_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_coauthors" ADD CONSTRAINT "recommendation_coauthors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_comments" ADD CONSTRAINT "recommendation_comments_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_comments" ADD CONSTRAINT "recommendation_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_papers" ADD CONSTRAINT "recommendation_papers_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_papers" ADD CONSTRAINT "recommendation_papers_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_rounds" ADD CONSTRAINT "recommendation_rounds_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_rounds" ADD CONSTRAINT "recommendation_rounds_round_id_rating_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rating_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_topics" ADD CONSTRAINT "recommendation_topics_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_topics" ADD CONSTRAINT "recommendation_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_versions" ADD CONSTRAINT "recommendation_versions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_versions" ADD CONSTRAINT "recommendation_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_votes" ADD CONSTRAINT "recommendation_votes_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_votes" ADD CONSTRAINT "recommendation_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_action_at_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_object_idx" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "invitations_open_idx" ON "invitations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_per_email" ON "invitations" USING btree (lower("email")) WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "comments_topic_created_idx" ON "comments" USING btree ("topic_id","created_at","id");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "comments_created_idx" ON "comments" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "topic_fields_name_lower_idx" ON "topic_fields" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "topic_follows_topic_idx" ON "topic_follows" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "topic_reads_topic_idx" ON "topic_reads" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "topics_visibility_activity_idx" ON "topics" USING btree ("visibility","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "topics_activity_idx" ON "topics" USING btree ("last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "topics_field_idx" ON "topics" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "topics_search_idx" ON "topics" USING gin ("search");--> statement-breakpoint
CREATE INDEX "rating_criteria_round_idx" ON "rating_criteria" USING btree ("round_id","position","id");--> statement-breakpoint
CREATE INDEX "rating_knockout_checks_round_idx" ON "rating_knockout_checks" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "rating_knockouts_round_idx" ON "rating_knockouts" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "rating_proposals_round_idx" ON "rating_proposals" USING btree ("round_id","position","id");--> statement-breakpoint
CREATE INDEX "rating_proposals_search_idx" ON "rating_proposals" USING gin ("search");--> statement-breakpoint
CREATE INDEX "rating_recusals_round_idx" ON "rating_recusals" USING btree ("round_id","rater_id");--> statement-breakpoint
CREATE INDEX "rating_rounds_status_closes_idx" ON "rating_rounds" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "rating_rounds_created_idx" ON "rating_rounds" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rating_rounds_topic_idx" ON "rating_rounds" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "rating_rounds_search_idx" ON "rating_rounds" USING gin ("search");--> statement-breakpoint
CREATE INDEX "rating_scores_round_rater_idx" ON "rating_scores" USING btree ("round_id","rater_id");--> statement-breakpoint
CREATE INDEX "rating_scores_proposal_criterion_idx" ON "rating_scores" USING btree ("proposal_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_position_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_number_idx" ON "agenda_items" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "agenda_items_paper_idx" ON "agenda_items" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "agenda_items_topic_idx" ON "agenda_items" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "agenda_items_round_idx" ON "agenda_items" USING btree ("rating_round_id");--> statement-breakpoint
CREATE INDEX "agenda_items_search_idx" ON "agenda_items" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_user_idx" ON "meeting_attendees" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_guest_idx" ON "meeting_attendees" USING btree ("meeting_id",lower("guest_name"));--> statement-breakpoint
CREATE INDEX "meetings_start_idx" ON "meetings" USING btree ("start","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_paper_position_idx" ON "consultations" USING btree ("paper_id","position");--> statement-breakpoint
CREATE INDEX "consultations_organization_idx" ON "consultations" USING btree ("organization_id","paper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_name_idx" ON "organizations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_short_name_idx" ON "organizations" USING btree ("short_name");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_relations_pair_idx" ON "paper_relations" USING btree (least("paper_id", "related_paper_id"),greatest("paper_id", "related_paper_id"));--> statement-breakpoint
CREATE INDEX "paper_relations_related_idx" ON "paper_relations" USING btree ("related_paper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "papers_reference_idx" ON "papers" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "papers_date_idx" ON "papers" USING btree ("date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "papers_type_date_idx" ON "papers" USING btree ("paper_type","date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "papers_search_idx" ON "papers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "recommendation_coauthors_user_idx" ON "recommendation_coauthors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recommendation_comments_rec_idx" ON "recommendation_comments" USING btree ("recommendation_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendation_papers_paper_idx" ON "recommendation_papers" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "recommendation_rounds_round_idx" ON "recommendation_rounds" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "recommendation_topics_topic_idx" ON "recommendation_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "recommendation_votes_user_idx" ON "recommendation_votes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_reference_idx" ON "recommendations" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "recommendations_status_updated_idx" ON "recommendations" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "recommendations_published_idx" ON "recommendations" USING btree ("published_at") WHERE "recommendations"."status" = 'published';--> statement-breakpoint
CREATE INDEX "recommendations_search_idx" ON "recommendations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "recommendations_meeting_idx" ON "recommendations" USING btree ("meeting_id");