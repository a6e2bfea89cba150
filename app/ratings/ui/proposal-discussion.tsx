import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { DiscussionPreview } from "~/topics/ui/discussion-preview";
import type { DiscussionPreview as Discussion } from "~/topics/discussions.server";
import { SubmitButton } from "~/ui/form";

/** The newest comments of the proposal's topic; the form posts to the topic page's own comment action. */
export function ProposalDiscussion({ discussion, canComment }: { discussion: Discussion; canComment: boolean }) {
  return (
    <DiscussionPreview discussion={discussion} heading={t.ratings.proposalDiscussion.heading} headingId="proposal-discussion-title">
      {canComment ? (
        <Form method="post" action={`/themen/${discussion.slug}?index`} className="mt-4 space-y-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="proposal-comment-body">{t.topics.comment.body}</label>
            <p id="proposal-comment-body-hint" className="text-sm text-slate-700">
              {t.topics.form.bodyHint}
            </p>
            <textarea id="proposal-comment-body" name="body" rows={4} required aria-describedby="proposal-comment-body-hint" />
          </div>
          <SubmitButton intent="comment">{t.topics.comment.submit}</SubmitButton>
        </Form>
      ) : null}
    </DiscussionPreview>
  );
}
