CREATE TABLE "council_agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "council_agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"oparl_source_id" text NOT NULL,
	"council_meeting_id" integer NOT NULL,
	"consultation_source_id" text,
	"number" text,
	"name" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "council_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"oparl_source_id" text NOT NULL,
	"oparl_source_web" text,
	"oparl_source_modified" timestamp with time zone,
	"organization_id" integer,
	"name" text NOT NULL,
	"start" timestamp with time zone,
	"end" timestamp with time zone,
	"location" text,
	"cancelled" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_meetings_name_length" CHECK (length(btrim("council_meetings"."name")) between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "oparl_import_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"system_url" text NOT NULL,
	"body_url" text,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oparl_import_settings_single_row" CHECK ("oparl_import_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "oparl_sync_cursors" (
	"list_url" text PRIMARY KEY NOT NULL,
	"since" timestamp with time zone,
	"resume_url" text,
	"walk_started_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oparl_sync_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "oparl_sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"state" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"requested_by_id" integer,
	"source_url" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "oparl_sync_runs_state_check" CHECK ("oparl_sync_runs"."state" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "oparl_tombstones" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "oparl_tombstones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"object_type" text NOT NULL,
	"object_key" text NOT NULL,
	"object_created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" DROP CONSTRAINT "consultations_agenda_number_format";--> statement-breakpoint
ALTER TABLE "papers" DROP CONSTRAINT "papers_reference_format";--> statement-breakpoint
ALTER TABLE "papers" DROP CONSTRAINT "papers_paper_type_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oparl_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oparl_modified_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "oparl_source_id" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "council_meeting_id" integer;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "role_text" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "result_text" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "oparl_source_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "oparl_source_id" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "oparl_source_web" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "oparl_source_modified" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "oparl_source_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_council_meeting_id_council_meetings_id_fk" FOREIGN KEY ("council_meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oparl_import_settings" ADD CONSTRAINT "oparl_import_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oparl_sync_runs" ADD CONSTRAINT "oparl_sync_runs_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_agenda_items_source_idx" ON "council_agenda_items" USING btree ("oparl_source_id");--> statement-breakpoint
CREATE INDEX "council_agenda_items_consultation_idx" ON "council_agenda_items" USING btree ("consultation_source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_meetings_source_idx" ON "council_meetings" USING btree ("oparl_source_id");--> statement-breakpoint
CREATE INDEX "council_meetings_start_idx" ON "council_meetings" USING btree ("start","id");--> statement-breakpoint
CREATE UNIQUE INDEX "oparl_sync_runs_one_running_idx" ON "oparl_sync_runs" USING btree ("state") WHERE "oparl_sync_runs"."state" = 'running';--> statement-breakpoint
CREATE INDEX "oparl_sync_runs_queued_idx" ON "oparl_sync_runs" USING btree ("state","id");--> statement-breakpoint
CREATE UNIQUE INDEX "oparl_tombstones_object_idx" ON "oparl_tombstones" USING btree ("object_type","object_key");--> statement-breakpoint
CREATE INDEX "oparl_tombstones_deleted_idx" ON "oparl_tombstones" USING btree ("object_type","deleted_at","id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_council_meeting_id_council_meetings_id_fk" FOREIGN KEY ("council_meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_oparl_source_idx" ON "consultations" USING btree ("oparl_source_id");--> statement-breakpoint
CREATE INDEX "consultations_council_meeting_idx" ON "consultations" USING btree ("council_meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_oparl_source_idx" ON "organizations" USING btree ("oparl_source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "papers_oparl_source_idx" ON "papers" USING btree ("oparl_source_id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_agenda_number_format" CHECK ("consultations"."agenda_item_number" is null or "consultations"."agenda_item_number" ~ '^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$' or ("consultations"."oparl_source_id" is not null and length("consultations"."agenda_item_number") <= 50));--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_reference_format" CHECK ("papers"."reference" ~ '^[A-Z]{2}/[0-9]{4}/[0-9]{4}$' or ("papers"."oparl_source_id" is not null and length(btrim("papers"."reference")) between 1 and 100));--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_paper_type_check" CHECK ("papers"."paper_type" in ('Antrag', 'Stellungnahme', 'Beschlussvorlage', 'Mitteilung', 'Anfrage') or ("papers"."oparl_source_id" is not null and length(btrim("papers"."paper_type")) between 1 and 200));