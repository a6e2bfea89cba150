import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { DiscussionPreview } from "~/topics/ui/discussion-preview";
import type { DiscussionPreview as Discussion } from "~/topics/discussions.server";
import { TextareaField, SubmitButton } from "~/ui/form";

const c = t.recommendations.comments;

/** The board's discussion of the draft: its topic's newest comments and a comment form (decision 043). */
export function CommentsSection({ discussion, canComment, errors }: { discussion: Discussion; canComment: boolean; errors: Record<string, string> }) {
  return (
    <DiscussionPreview discussion={discussion} heading={c.heading} headingId="kommentare" versionLabel={c.onVersion}>
      {canComment ? (
        <Form method="post" className="mt-4 space-y-3">
          <TextareaField name="comment" label={c.label} error={errors.comment ?? errors.form} rows={4} required />
          <SubmitButton intent="comment">{c.submit}</SubmitButton>
        </Form>
      ) : null}
    </DiscussionPreview>
  );
}
