ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_type_check";--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_role_check";--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_one_owner";--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_matches";--> statement-breakpoint
CREATE UNIQUE INDEX "documents_portal_role_idx" ON "documents" USING btree ("role") WHERE "documents"."owner_type" = 'portal' and "documents"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_portal_role" CHECK (("documents"."owner_type" = 'portal') = ("documents"."role" = 'signLanguageVideo'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_type_check" CHECK ("documents"."owner_type" in ('paper', 'meeting', 'agendaItem', 'proposal', 'recommendation', 'portal'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_role_check" CHECK ("documents"."role" in ('main', 'invitation', 'resultsProtocol', 'auxiliary', 'signLanguageVideo'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_one_owner" CHECK (("documents"."paper_id" is not null)::int + ("documents"."meeting_id" is not null)::int + ("documents"."agenda_item_id" is not null)::int
        + ("documents"."proposal_id" is not null)::int + ("documents"."recommendation_id" is not null)::int = case when "documents"."owner_type" = 'portal' then 0 else 1 end);--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_matches" CHECK (case "documents"."owner_type" when 'paper' then "documents"."paper_id" is not null when 'meeting' then "documents"."meeting_id" is not null
        when 'agendaItem' then "documents"."agenda_item_id" is not null when 'proposal' then "documents"."proposal_id" is not null
        when 'portal' then "documents"."role" = 'signLanguageVideo' else "documents"."recommendation_id" is not null end);