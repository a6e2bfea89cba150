import { idField } from "~/lib/fields";
import { z } from "zod";
import { TOPIC_LIMITS } from "#db/schema";
import { t } from "~/i18n/de";

const e = t.topics.errors;

/** PostgreSQL text cannot hold NUL bytes: drop them instead of failing the insert. */
const withoutNul = (value: unknown) => (typeof value === "string" ? value.replace(/\u0000/g, "") : value);
const text = () => z.preprocess(withoutNul, z.string());

/** Browsers send textarea line breaks as CRLF; count them as one character, like the database. */
const normalised = z.preprocess((value) => (typeof value === "string" ? value.replace(/\u0000/g, "").replace(/\r\n?/g, "\n") : value), z.string());

export const markdownBody = (max: number, emptyMessage?: string) =>
  normalised.pipe(emptyMessage ? z.string().trim().min(1, emptyMessage).max(max, e.bodyLong) : z.string().trim().max(max, e.bodyLong));

const id = (message: string) => idField(message);

export const TopicFormSchema = z.object({
  title: text().pipe(z.string().trim().min(TOPIC_LIMITS.titleMin, e.titleShort).max(TOPIC_LIMITS.titleMax, e.titleLong)),
  body: markdownBody(TOPIC_LIMITS.bodyMax),
  fieldId: id(e.field),
  visibility: z.enum(["internal", "public"], { errorMap: () => ({ message: e.visibility }) }),
});

export const TopicEditSchema = TopicFormSchema.extend({
  status: z.enum(["open", "closed"], { errorMap: () => ({ message: e.status }) }),
});

export const CommentFormSchema = z.object({
  body: markdownBody(TOPIC_LIMITS.commentMax, e.commentEmpty),
  parentId: id(t.topics.errors.commentNotFound).optional(),
});

export const CommentIdSchema = z.object({ commentId: id(t.topics.errors.commentNotFound) });

export const HideSchema = CommentIdSchema.extend({
  reason: text().pipe(z.string().trim().min(1, e.reason).max(TOPIC_LIMITS.hideReasonMax, e.reason)),
});

export const FieldFormSchema = z.object({
  name: text().pipe(z.string().trim().min(2, e.fieldName).max(TOPIC_LIMITS.fieldNameMax, e.fieldName)),
  position: z.coerce.number({ invalid_type_error: e.position }).int(e.position).min(0, e.position).max(999, e.position),
});

export const PreviewSchema = z.object({ body: normalised.pipe(z.string().max(TOPIC_LIMITS.bodyMax, e.bodyLong)) });
