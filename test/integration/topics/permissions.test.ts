import { beforeAll, describe, expect, it } from "vitest";
import * as dashboard from "../../../app/routes/_index";
import * as search from "../../../app/routes/suche";
import * as topicList from "../../../app/routes/themen._index";
import * as newTopic from "../../../app/routes/themen.neu";
import * as fields from "../../../app/routes/themen.handlungsfelder";
import * as preview from "../../../app/routes/themen.vorschau";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import * as editTopic from "../../../app/routes/themen.$slug.bearbeiten";
import * as commentLink from "../../../app/routes/themen.$slug.beitrag.$id._index";
import * as editComment from "../../../app/routes/themen.$slug.beitrag.$id.bearbeiten";
import * as history from "../../../app/routes/themen.$slug.beitrag.$id.verlauf";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { allRoles as all, boardOnly, expectOutcomes, outcome, type Expectation, type RoleName } from "../../support/role-outcomes";
import { createCommentFor, createFieldRow, createTopicFor } from "./topics-fixtures";

let users: Record<RoleName, TestUser | null>;
const check = (call: (user: TestUser | null, role: RoleName) => Promise<Response>, expected: Expectation) => expectOutcomes(users, call, expected);
let author: TestUser;
let fieldId: number;
let pub: { slug: string; comment: number };
let internal: { slug: string; comment: number };

beforeAll(async () => {
  users = await createUsersForAllRoles();
  author = await createUser("expert");
  fieldId = await createFieldRow();
  const publicTopic = await createTopicFor(author, { visibility: "public", fieldId });
  const internalTopic = await createTopicFor(author, { visibility: "internal", fieldId });
  pub = { slug: publicTopic.slug, comment: await createCommentFor(author, publicTopic.slug, "Öffentlicher Beitrag") };
  internal = { slug: internalTopic.slug, comment: await createCommentFor(author, internalTopic.slug, "Interner Beitrag") };
});

describe("lists, search and dashboard", () => {
  it("GET /themen, /suche and / are open to everyone", async () => {
    await check((user) => callRoute(topicList.loader, "/themen", { user }), all(200));
    await check((user) => callRoute(search.loader, "/suche?q=Beitrag", { user }), all(200));
    await check((user) => callRoute(dashboard.loader, "/", { user }), all(200));
  });
});

describe("creating topics and fields of action", () => {
  it("GET and POST /themen/neu: board members only", async () => {
    await check((user) => callRoute(newTopic.loader, "/themen/neu", { user }), { admin: 200, staff: 200, expert: 200, council: 403, visitor: "login" });
    await check(
      (user, role) =>
        callRoute(newTopic.action, "/themen/neu", {
          user,
          form: { intent: "save", title: `Neues Thema ${role}`, body: "", fieldId: String(fieldId), visibility: "internal" },
        }),
      { admin: 302, staff: 302, expert: 302, council: 403, visitor: "login" },
    );
  });

  it("GET and POST /themen/handlungsfelder: staff and admin only", async () => {
    await check((user) => callRoute(fields.loader, "/themen/handlungsfelder", { user }), {
      admin: 200,
      staff: 200,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    await check(
      (user, role) => callRoute(fields.action, "/themen/handlungsfelder", { user, form: { intent: "create", name: `Feld ${role}`, position: "5" } }),
      { admin: 302, staff: 302, expert: 403, council: 403, visitor: "login" },
    );
  });

  it("POST /themen/vorschau: those who may write", async () => {
    await check((user) => callRoute(preview.action, "/themen/vorschau", { user, form: { body: "**x**" } }), {
      admin: 200,
      staff: 200,
      expert: 200,
      council: 403,
      visitor: "login",
    });
    await check((user) => callRoute(preview.loader, "/themen/vorschau", { user }), all(405));
  });
});

describe("topic pages", () => {
  it("GET /themen/<slug>: public for all, internal only for the board (404 otherwise)", async () => {
    await check((user) => callRoute(topicPage.loader, `/themen/${pub.slug}`, { user, params: { slug: pub.slug } }), all(200));
    await check((user) => callRoute(topicPage.loader, `/themen/${internal.slug}`, { user, params: { slug: internal.slug } }), boardOnly(200));
  });

  it("GET /themen/<slug>/bearbeiten: author, staff and admin", async () => {
    await check((user) => callRoute(editTopic.loader, `/themen/${pub.slug}/bearbeiten`, { user, params: { slug: pub.slug } }), {
      admin: 200,
      staff: 200,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    await check((user) => callRoute(editTopic.loader, `/themen/${internal.slug}/bearbeiten`, { user, params: { slug: internal.slug } }), {
      admin: 200,
      staff: 200,
      expert: 403,
      council: 404,
      visitor: "login",
    });
    expect((await callRoute(editTopic.loader, `/themen/${pub.slug}/bearbeiten`, { user: author, params: { slug: pub.slug } })).status).toBe(200);
  });

  it("POST /themen/<slug>/bearbeiten", async () => {
    const form = { intent: "save", title: "Geänderter Titel", body: "Neu", fieldId: String(fieldId), visibility: "internal", status: "open" };
    const own = await createTopicFor(author, { visibility: "public", fieldId });
    await check(
      (user) => callRoute(editTopic.action, `/themen/${own.slug}/bearbeiten`, { user, params: { slug: own.slug }, form: { ...form, visibility: "public" } }),
      { admin: 302, staff: 302, expert: 403, council: 403, visitor: "login" },
    );
    await check((user) => callRoute(editTopic.action, `/themen/${internal.slug}/bearbeiten`, { user, params: { slug: internal.slug }, form }), {
      admin: 302,
      staff: 302,
      expert: 403,
      council: 404,
      visitor: "login",
    });
    expect((await callRoute(editTopic.action, `/themen/${own.slug}/bearbeiten`, { user: author, params: { slug: own.slug }, form })).status).toBe(302);
  });
});

describe("topic page actions", () => {
  const post = (slug: string, user: TestUser | null, form: Record<string, string>) =>
    callRoute(topicPage.action, `/themen/${slug}?index`, { user, params: { slug }, form });

  it("comment and preview: board members; council read-only; internal topics hidden", async () => {
    await check((user) => post(pub.slug, user, { intent: "comment", body: "Hallo" }), { admin: 302, staff: 302, expert: 302, council: 403, visitor: "login" });
    await check((user) => post(internal.slug, user, { intent: "comment", body: "Hallo" }), {
      admin: 302,
      staff: 302,
      expert: 302,
      council: 403,
      visitor: "login",
    });
    await check((user) => post(pub.slug, user, { intent: "preview", body: "Hallo" }), { admin: 200, staff: 200, expert: 200, council: 403, visitor: "login" });
  });

  it("follow, unfollow and mark read: every signed-in role that may see the topic", async () => {
    for (const intent of ["follow", "unfollow"]) {
      await check((user) => post(pub.slug, user, { intent }), { admin: 302, staff: 302, expert: 302, council: 302, visitor: "login" });
      await check((user) => post(internal.slug, user, { intent }), { admin: 302, staff: 302, expert: 302, council: 404, visitor: "login" });
    }
    await check((user) => post(pub.slug, user, { intent: "markRead" }), { admin: 200, staff: 200, expert: 200, council: 200, visitor: "login" });
    await check((user) => post(internal.slug, user, { intent: "markRead" }), { admin: 200, staff: 200, expert: 200, council: 404, visitor: "login" });
  });

  it("delete: only one's own comment", async () => {
    await check((user) => post(pub.slug, user, { intent: "delete", commentId: String(pub.comment) }), {
      admin: 403,
      staff: 403,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    const mine = await createCommentFor(users.expert!, pub.slug, "Meiner");
    expect(outcome(await post(pub.slug, users.expert, { intent: "delete", commentId: String(mine) }))).toBe(302);
  });

  it("hide and unhide: staff and admin", async () => {
    const targets = { admin: 0, staff: 0, expert: pub.comment, council: pub.comment, visitor: pub.comment };
    targets.admin = await createCommentFor(author, pub.slug, "für admin");
    targets.staff = await createCommentFor(author, pub.slug, "für staff");
    await check((user, role) => post(pub.slug, user, { intent: "hide", commentId: String(targets[role]), reason: "Test" }), {
      admin: 302,
      staff: 302,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    await check((user, role) => post(pub.slug, user, { intent: "unhide", commentId: String(targets[role]) }), {
      admin: 302,
      staff: 302,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    const hidden = { ...targets, admin: await createCommentFor(author, internal.slug, "a"), staff: await createCommentFor(author, internal.slug, "s") };
    await check((user, role) => post(internal.slug, user, { intent: "hide", commentId: String(hidden[role]), reason: "x" }), {
      admin: 302,
      staff: 302,
      expert: 403,
      council: 403,
      visitor: "login",
    });
  });

  it("an unknown intent is a 400", async () => {
    await check((user) => post(pub.slug, user, { intent: "drop-table" }), { admin: 400, staff: 400, expert: 400, council: 400, visitor: "login" });
  });
});

describe("comment routes", () => {
  it("GET /themen/<slug>/beitrag/<id> redirects those who may see the topic", async () => {
    await check((user) => callRoute(commentLink.loader, "/", { user, params: { slug: pub.slug, id: String(pub.comment) } }), all(302));
    await check((user) => callRoute(commentLink.loader, "/", { user, params: { slug: internal.slug, id: String(internal.comment) } }), boardOnly(302));
  });

  it("GET and POST /themen/<slug>/beitrag/<id>/bearbeiten: the author only", async () => {
    const params = { slug: internal.slug, id: String(internal.comment) };
    await check((user) => callRoute(editComment.loader, "/", { user, params }), { admin: 403, staff: 403, expert: 403, council: 403, visitor: "login" });
    await check((user) => callRoute(editComment.action, "/", { user, params, form: { intent: "save", body: "fremd" } }), {
      admin: 403,
      staff: 403,
      expert: 403,
      council: 403,
      visitor: "login",
    });
    expect((await callRoute(editComment.loader, "/", { user: author, params })).status).toBe(200);
    expect((await callRoute(editComment.action, "/", { user: author, params, form: { intent: "save", body: "bearbeitet" } })).status).toBe(302);
  });

  it("GET /themen/<slug>/beitrag/<id>/verlauf follows the topic's visibility", async () => {
    await check((user) => callRoute(history.loader, "/", { user, params: { slug: pub.slug, id: String(pub.comment) } }), all(200));
    await check((user) => callRoute(history.loader, "/", { user, params: { slug: internal.slug, id: String(internal.comment) } }), boardOnly(200));
  });
});
