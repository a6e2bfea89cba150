import { Form, useLocation } from "@remix-run/react";
import { t } from "~/i18n/de";

/** A plain form POST to /folgen that returns to this page: works without JavaScript. */
export function FollowButton({ type, id, following, label }: { type: string; id: number; following: boolean; label: string }) {
  const location = useLocation();
  return (
    <Form method="post" action="/folgen" className="no-print inline">
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="follow" value={following ? "false" : "true"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button
        type="submit"
        className="btn-secondary"
        aria-pressed={following}
        aria-label={`${following ? t.notifications.follow.unfollow : t.notifications.follow.follow}: ${label}`}
      >
        {following ? t.notifications.follow.unfollow : t.notifications.follow.follow}
      </button>
    </Form>
  );
}
