import { redirect } from "@remix-run/node";
import { NOTIFICATION_KINDS, type NotificationKind, type RecommendationStatus, type Role, type RoundStatus } from "#db/schema";
import { readSessionToken, validateSessionToken, type SessionUser, type ValidSession } from "~/accounts/session.server";
import { memoInRequestScope } from "~/server/request-scope.server";

/** Whoever acts: a signed-in account, as much of it as a permission check needs. */
export type Actor = { id: number; role: Role };
/** Whoever reads: an account, or null for a visitor. */
export type Reader = Actor | null;

/**
 * Every permission in the portal, by role. Visitors (no account) are `null` below.
 * `:own` permissions still need the ownership check in the model (the row's author).
 */
const PERMISSIONS = {
  // accounts and administration
  "invite:user": ["admin", "staff"],
  "manage:user": ["admin"],
  "read:audit": ["admin"],
  "download:backup": ["admin"],
  "read:processing-record": ["admin"],
  "manage:sign-language-video": ["admin"],
  // topics and discussion
  "read:topic:internal": ["admin", "staff", "expert"],
  "create:topic": ["admin", "staff", "expert"],
  "update:topic:own": ["admin", "staff", "expert"],
  "update:topic:any": ["admin", "staff"],
  "manage:field": ["admin", "staff"],
  "create:comment": ["admin", "staff", "expert"],
  "update:comment:own": ["admin", "staff", "expert"],
  "moderate:comment": ["admin", "staff"],
  "follow:item": ["admin", "staff", "expert", "council"],
  // rating rounds
  "read:round": ["admin", "staff", "expert"],
  "manage:round": ["admin", "staff"],
  "rate:round": ["expert"],
  // meetings and papers
  "read:meeting:internal": ["admin", "staff", "expert"],
  "manage:meeting": ["admin", "staff"],
  "read:paper:internal": ["admin", "staff", "expert", "council"],
  "manage:paper": ["admin", "staff"],
  // OParl import from the city's RIS (the export is public and needs no permission)
  "run:oparl-sync": ["admin", "staff"],
  "manage:oparl-source": ["admin"],
  // recommendations
  "read:recommendation:draft": ["admin", "staff", "expert"],
  "read:recommendation:published": ["admin", "staff", "expert", "council"],
  "create:recommendation": ["admin", "staff", "expert"],
  "update:recommendation:own": ["admin", "staff", "expert"],
  "manage:recommendation": ["admin", "staff"],
  "vote:recommendation": ["expert"],
  // commitments (Zusagen) and what became of recommendations
  "read:commitment:internal": ["admin", "staff", "expert"],
  "record:commitment": ["admin", "staff", "expert"],
  "change:commitment-status": ["admin", "staff", "expert"],
  "post:commitment-update": ["admin", "staff"],
  "comment:commitment": ["admin", "staff", "expert"],
  "publish:commitment": ["admin", "staff"],
  "set:recommendation-outcome": ["admin", "staff", "expert"],
  // documents (files on papers, meetings, agenda items, proposals, recommendation drafts)
  "manage:document:official": ["admin", "staff"],
  "attach:document:proposal": ["admin", "staff", "expert"],
  // mail and jobs
  "read:mail": ["admin"],
  "manage:jobs": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles a staff member may invite; admins may invite every role. */
export function invitableRoles(user: Pick<SessionUser, "role">): Role[] {
  if (user.role === "admin") return ["admin", "staff", "expert", "council"];
  if (user.role === "staff") return ["staff", "expert", "council"];
  return [];
}

export function can(user: Pick<SessionUser, "role"> | null, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** Board members see board-internal content: topics, rounds, non-public agenda items, drafts. */
export function isBoardMember(user: Pick<SessionUser, "role"> | null) {
  return can(user, "read:topic:internal");
}

/**
 * Who may be told of an event of each notification kind (and asked to act on it). The object's
 * own read rule applies on top of this at send time (app/notifications/visibility.server.ts uses
 * the domains' visibility conditions, which are built from the permissions above).
 */
const NOTIFICATION_PERMISSIONS: Record<NotificationKind, Permission> = {
  "comment.new": "follow:item",
  "comment.reply": "follow:item",
  "round.opened": "rate:round",
  "round.closing": "rate:round",
  "round.results": "read:round",
  "vote.opened": "vote:recommendation",
  "vote.closing": "vote:recommendation",
  "vote.decided": "read:recommendation:draft",
  "recommendation.published": "read:recommendation:published",
  "meeting.invitation": "follow:item",
  "minutes.released": "follow:item",
  "commitment.due": "follow:item",
  "commitment.overdue": "follow:item",
  "commitment.status": "follow:item",
  "council.decision": "read:recommendation:published",
};

export function mayBeNotified(user: Pick<SessionUser, "role"> | null, kind: NotificationKind) {
  return can(user, NOTIFICATION_PERMISSIONS[kind]);
}

/** Which kinds a role can hear of at all: the preferences page offers only these. */
export function notificationKindsFor(user: Pick<SessionUser, "role">): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => mayBeNotified(user, kind));
}

/** What the document rules need to know of the object a file belongs to. */
export type DocumentOwnerFacts =
  | { type: "paper"; isPublic: boolean }
  | { type: "meeting" }
  | { type: "agendaItem"; isPublic: boolean }
  | { type: "proposal"; roundStatus: RoundStatus }
  | { type: "recommendation"; status: RecommendationStatus; isPublic: boolean; isAuthor: boolean };

/**
 * A file is read exactly by those who may read its object (docs/decisions/092): papers and
 * agenda items by their public flag, meetings by everyone, proposals by the board once their round
 * is open (drafts by staff only), recommendations by their status. Changes: staff on papers,
 * meetings and agenda items; staff and experts on the proposals of a round still in draft (which
 * experts cannot see yet, so in practice staff); authors on a recommendation draft. Anything else
 * is frozen.
 */
export function mayReadDocumentsOf(user: Reader, owner: DocumentOwnerFacts): boolean {
  switch (owner.type) {
    case "paper":
      return owner.isPublic || can(user, "read:paper:internal");
    case "meeting":
      return true;
    case "agendaItem":
      return owner.isPublic || can(user, "read:meeting:internal");
    case "proposal":
      // Draft rounds are hidden from everyone but their managers (decision 030).
      return can(user, "read:round") && (owner.roundStatus !== "draft" || can(user, "manage:round"));
    case "recommendation":
      if (can(user, "read:recommendation:draft")) return true;
      return owner.status === "published" && (owner.isPublic || can(user, "read:recommendation:published"));
  }
}

export function documentChangeVerdict(user: Reader, owner: DocumentOwnerFacts): "allowed" | "forbidden" | "frozen" {
  switch (owner.type) {
    case "paper":
    case "meeting":
    case "agendaItem":
      return can(user, "manage:document:official") ? "allowed" : "forbidden";
    case "proposal":
      if (!can(user, "attach:document:proposal")) return "forbidden";
      return owner.roundStatus === "draft" ? "allowed" : "frozen";
    case "recommendation":
      if (!(can(user, "manage:recommendation") || (can(user, "update:recommendation:own") && owner.isAuthor))) return "forbidden";
      return owner.status === "draft" ? "allowed" : "frozen";
  }
}

export function forbidden(message = "Dafür fehlt Ihnen die Berechtigung."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Diese Seite gibt es nicht."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

// The root loader and the route loader of one request share a single lookup. A page view shares
// it through the request scope; a form post looks up afresh for its action and for the loaders
// after it, which may see the session signed out or the notifications read by that action.
const sessionsByRequest = new WeakMap<Request, Promise<ValidSession | null>>();

export function getSession(request: Request): Promise<ValidSession | null> {
  let pending = sessionsByRequest.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    const lookup = () => (token ? validateSessionToken(token) : Promise.resolve(null));
    pending = request.method === "GET" || request.method === "HEAD" ? memoInRequestScope(`session:${token ?? ""}`, lookup) : lookup();
    sessionsByRequest.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/** Signed-in user or a redirect to the login with the way back. */
export async function requireSession(request: Request): Promise<ValidSession> {
  const session = await getSession(request);
  if (session) return session;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

/** Visitors are sent to sign in; signed-in users without the permission get a 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) forbidden();
  return user;
}

export function assertCan(user: SessionUser | null, permission: Permission) {
  if (!can(user, permission)) forbidden();
}
