CREATE TABLE "document_chunks" (
	"content_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "document_chunks_content_id_seq_pk" PRIMARY KEY("content_id","seq")
);
--> statement-breakpoint
CREATE TABLE "document_contents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_contents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"size" bigint DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"chunk_size" integer NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"content_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha512" text NOT NULL,
	"uploaded_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text,
	"text_state" text DEFAULT 'pending' NOT NULL,
	"pages" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', coalesce("document_versions"."text", ''))) STORED NOT NULL,
	CONSTRAINT "document_versions_sha512" CHECK ("document_versions"."sha512" ~ '^[0-9a-f]{128}$'),
	CONSTRAINT "document_versions_size" CHECK ("document_versions"."size" >= 0),
	CONSTRAINT "document_versions_file_name" CHECK (length("document_versions"."file_name") between 1 and 255 and "document_versions"."file_name" !~ '[\x00-\x1f/\\]'),
	CONSTRAINT "document_versions_text_state" CHECK ("document_versions"."text_state" in ('pending', 'done', 'none', 'failed')),
	CONSTRAINT "document_versions_text_length" CHECK ("document_versions"."text" is null or length("document_versions"."text") <= 2000000)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_type" text NOT NULL,
	"paper_id" integer,
	"meeting_id" integer,
	"agenda_item_id" integer,
	"proposal_id" integer,
	"recommendation_id" integer,
	"role" text DEFAULT 'auxiliary' NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by_id" integer,
	"imported_from" text,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_owner_type_check" CHECK ("documents"."owner_type" in ('paper', 'meeting', 'agendaItem', 'proposal', 'recommendation')),
	CONSTRAINT "documents_role_check" CHECK ("documents"."role" in ('main', 'invitation', 'resultsProtocol', 'auxiliary')),
	CONSTRAINT "documents_one_owner" CHECK (("documents"."paper_id" is not null)::int + ("documents"."meeting_id" is not null)::int + ("documents"."agenda_item_id" is not null)::int
        + ("documents"."proposal_id" is not null)::int + ("documents"."recommendation_id" is not null)::int = 1),
	CONSTRAINT "documents_owner_matches" CHECK (case "documents"."owner_type" when 'paper' then "documents"."paper_id" is not null when 'meeting' then "documents"."meeting_id" is not null
        when 'agendaItem' then "documents"."agenda_item_id" is not null when 'proposal' then "documents"."proposal_id" is not null
        else "documents"."recommendation_id" is not null end),
	CONSTRAINT "documents_label_length" CHECK (length(btrim("documents"."label")) between 1 and 200),
	CONSTRAINT "documents_deleted_by" CHECK ("documents"."deleted_at" is not null or "documents"."deleted_by_id" is null)
);
--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_content_id_document_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."document_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_content_id_document_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."document_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_proposal_id_rating_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."rating_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_deleted_by_id_users_id_fk" FOREIGN KEY ("deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_document_version_idx" ON "document_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "document_versions_uploaded_by_idx" ON "document_versions" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "document_versions_content_idx" ON "document_versions" USING btree ("content_id");--> statement-breakpoint
CREATE INDEX "document_versions_search_idx" ON "document_versions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "documents_paper_idx" ON "documents" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "documents_meeting_idx" ON "documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "documents_agenda_item_idx" ON "documents" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "documents_proposal_idx" ON "documents" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "documents_recommendation_idx" ON "documents" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "documents_created_by_idx" ON "documents" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_imported_from_idx" ON "documents" USING btree ("imported_from");