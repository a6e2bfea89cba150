import { t } from "~/i18n/de";
import { Field, SelectField, TextareaField } from "~/ui/form";

type Round = { title: string; description: string; topicId: number | null; rankingMethod: string };

/** Title, description, linked topic and ranking method: the round's own data. */
export function RoundFields({
  round,
  topics,
  errors,
  prefix = "",
}: {
  round?: Round;
  topics: Array<{ id: number; title: string }>;
  errors?: Record<string, string>;
  prefix?: string;
}) {
  const f = t.ratings.fields;
  return (
    <div className="space-y-4">
      <Field idPrefix={prefix} name="title" label={f.title} errors={errors} defaultValue={round?.title} required maxLength={200} />
      <TextareaField idPrefix={prefix} name="description" label={f.description} errors={errors} defaultValue={round?.description} rows={6} />
      <SelectField
        idPrefix={prefix}
        name="topicId"
        label={f.topic}
        errors={errors}
        defaultValue={round?.topicId ? String(round.topicId) : ""}
        options={[{ value: "", label: f.noTopic }, ...topics.map((topic) => ({ value: String(topic.id), label: topic.title }))]}
      />
      <SelectField
        idPrefix={prefix}
        name="rankingMethod"
        label={f.rankingMethod}
        hint={f.rankingHint}
        errors={errors}
        defaultValue={round?.rankingMethod ?? "mean"}
        options={[
          { value: "mean", label: t.ratings.method.mean },
          { value: "median", label: t.ratings.method.median },
        ]}
      />
    </div>
  );
}
