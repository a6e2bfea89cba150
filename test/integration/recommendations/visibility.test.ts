import { beforeAll, describe, expect, it } from "vitest";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import * as list from "../../../app/routes/empfehlungen._index";
import * as feed from "../../../app/routes/empfehlungen[.]atom";
import { search } from "../../../app/search/search.server";
import { escapeXml } from "../../../app/recommendations/feed.server";
import { listRecommendationsForPaper } from "../../../app/recommendations/recommendations.server";
import { createDecided, createDraft, createPaper } from "./recommendation-fixtures";

type Role = "admin" | "staff" | "expert" | "council" | "visitor";
let users: Record<Role, TestUser | null>;
let paperId: number;
const TITLES = {
  draft: "Entwurf Zaunkönigplattform",
  rejected: "Abgelehnt Zaunkönigplattform",
  council: "Ratsintern Zaunkönigplattform",
  public: 'Öffentlich Zaunkönigplattform <Pilot> & "Test"',
};

beforeAll(async () => {
  users = await createUsersForAllRoles();
  const author = await createUser("expert");
  const staff = users.staff!;
  const voters = [users.expert!, author];
  paperId = (await createPaper({ reference: "AT/0777/2025" })).id;
  const papers = ["AT/0777/2025"];
  await createDraft(author, { title: TITLES.draft, papers });
  await createDecided({ author, staff, voters, choice: "nein" }, undefined, { title: TITLES.rejected, papers });
  await createDecided({ author, staff, voters }, { isPublic: false }, { title: TITLES.council, papers });
  await createDecided({ author, staff, voters }, { isPublic: true }, { title: TITLES.public, papers });
});

const ROLES: Role[] = ["admin", "staff", "expert", "council", "visitor"];
const expected: Record<Role, Array<keyof typeof TITLES>> = {
  admin: ["draft", "rejected", "council", "public"],
  staff: ["draft", "rejected", "council", "public"],
  expert: ["draft", "rejected", "council", "public"],
  council: ["council", "public"],
  visitor: ["public"],
};

describe("visibility per role and publication state", () => {
  for (const role of ROLES) {
    it(`list, feed, search and paper page for ${role}`, async () => {
      const user = users[role];
      const listed = (await (await callRoute(list.loader, "/empfehlungen", { user })).json()).items.map((i: { title: string }) => i.title);
      expect(listed.sort()).toEqual(expected[role].map((k) => TITLES[k]).sort());

      const xml = await (await callRoute(feed.loader, "/empfehlungen.atom", { user })).text();
      const published: Array<keyof typeof TITLES> = expected[role].filter((k) => k === "council" || k === "public");
      for (const key of Object.keys(TITLES) as Array<keyof typeof TITLES>) {
        expect(xml.includes(escapeXml(TITLES[key])), `${role} feed ${key}`).toBe(published.includes(key));
      }

      const hits = (await search({ reader: user, text: "Zaunkönigplattform", page: 1 })).hits.filter((h) => h.type === "recommendation");
      expect(hits.map((h) => h.title.replace(/^EM\/\d{4}\/\d{4}: /, "")).sort()).toEqual(published.map((k) => TITLES[k]).sort());

      const onPaper = await listRecommendationsForPaper({ paperId, reader: user });
      expect(onPaper.map((r) => r.title).sort()).toEqual(expected[role].map((k) => TITLES[k]).sort());
    });
  }

  it("escapes titles in the Atom feed and gives each entry an id, link and RFC 3339 dates", async () => {
    const response = await callRoute(feed.loader, "/empfehlungen.atom", { user: null });
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain("Öffentlich Zaunkönigplattform &lt;Pilot&gt; &amp; &quot;Test&quot;");
    expect(xml).not.toContain("<Pilot>");
    const entry = xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>"));
    expect(entry).toMatch(/<id>http:\/\/localhost:3000\/empfehlungen\/\d+<\/id>/);
    expect(entry).toMatch(/<published>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/published>/);
    expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
    expect(entry).toContain('<content type="html">&lt;p&gt;');
    expect(escapeXml("a\u0001b'")).toBe("ab&apos;");
  });
});
