import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { jobs, mails } from "../../../db/schema";
import * as accept from "../../../app/routes/einladung.$token";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import * as mailView from "../../../app/routes/admin.mails.$id";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { linkIn } from "../../support/smtp";
import { drainJobs, PORTAL, useSmtpServer } from "./helpers";

const server = useSmtpServer();

describe("invitation mail through a real SMTP server", () => {
  it("is enqueued with the invitation, arrives once as German multipart mail, and its link opens the invitation", async () => {
    const admin = await createUser("admin", { name: "Petra Admin" });
    const response = await callRoute(invitationsRoute.action, "/admin/einladungen", {
      user: admin,
      form: { intent: "create", email: "eva.neumann@example.org", role: "expert" },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).created.link).toBe("");
    const [row] = await db.select().from(mails).where(eq(mails.toAddress, "eva.neumann@example.org"));
    expect(row.state).toBe("queued");
    expect((await db.select().from(jobs).where(eq(jobs.kind, "mail.send"))).length).toBe(1);

    await drainJobs(() => server.smtp.received.length >= 1);
    const [mail] = server.smtp.received;
    expect(mail.envelopeTo).toEqual(["eva.neumann@example.org"]);
    expect(mail.parsed.subject).toContain("Einladung zum Portal");
    expect(mail.parsed.messageId).toBe(row.messageId);
    expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.parsed.from?.text).toContain("beirat@example.org");
    expect(mail.parsed.replyTo?.text).toContain("geschaeftsstelle@example.org");
    expect(mail.parsed.text).toContain("Petra Admin lädt Sie");
    expect(mail.parsed.text).toContain("„Beiratsmitglied“");
    expect(mail.parsed.html).toContain('<a href="http://localhost:3000/einladung/');
    expect(mail.parsed.html).not.toMatch(/<img|https?:\/\/(?!localhost:3000)/);
    expect(mail.raw).toMatch(/multipart\/alternative/);

    const link = linkIn(mail, `${PORTAL}/einladung/`);
    const token = link.split("/").pop()!;
    const page = await callRoute(accept.loader, new URL(link).pathname, { params: { token } });
    expect(page.status).toBe(200);

    // The stored copy loses the live token once sent; the viewer shows the redacted copy.
    const [sent] = await db.select().from(mails).where(eq(mails.id, row.id));
    expect(sent.state).toBe("sent");
    expect(sent.text).not.toContain(token);
    expect(sent.html).not.toContain(token);
    expect(sent.secrets).toEqual([]);
    const view = await callRoute(mailView.loader, `/admin/mails/${row.id}`, { user: admin, params: { id: String(row.id) } });
    expect(JSON.stringify(await view.json())).not.toContain(token);

    // Sending again (a second runner pass) does not mail twice.
    await drainJobs(() => true);
    expect(server.smtp.received).toHaveLength(1);
  });

  it("resends with a fresh link that replaces the old one", async () => {
    const staff = await createUser("staff");
    await callRoute(invitationsRoute.action, "/admin/einladungen", { user: staff, form: { intent: "create", email: "neu@example.org", role: "council" } });
    const before = server.smtp.received.length;
    await drainJobs(() => server.smtp.received.length >= before + 1);
    const first = linkIn(server.smtp.received.at(-1)!, `${PORTAL}/einladung/`);
    const list = await (await callRoute(invitationsRoute.loader, "/admin/einladungen", { user: staff })).json();
    const id = list.invitations.find((i: { email: string }) => i.email === "neu@example.org").id;
    const resent = await callRoute(invitationsRoute.action, "/admin/einladungen", { user: staff, form: { intent: "resend", id: String(id) } });
    expect(resent.status).toBe(200);
    await drainJobs(() => server.smtp.received.length >= before + 2);
    const second = linkIn(server.smtp.received.at(-1)!, `${PORTAL}/einladung/`);
    expect(second).not.toBe(first);
    const oldToken = first.split("/").pop()!;
    const newToken = second.split("/").pop()!;
    expect((await callRoute(accept.loader, `/einladung/${newToken}`, { params: { token: newToken } })).status).toBe(200);
    expect((await callRoute(accept.loader, `/einladung/${oldToken}`, { params: { token: oldToken } })).status).not.toBe(200);
  });

  it("keeps a recipient name with a line break in one header line", async () => {
    const { enqueueMail } = await import("../../../app/server/mail/outbox.server");
    await db.transaction((tx) =>
      enqueueMail(tx, {
        kind: "test",
        to: { address: "x@example.org", name: "Eva\r\nBcc: opfer@example.org" },
        subject: "Hallo\r\nBcc: opfer@example.org",
        text: "t",
        html: "<p>t</p>",
      }),
    );
    const before = server.smtp.received.length;
    await drainJobs(() => server.smtp.received.length >= before + 1);
    const mail = server.smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(["x@example.org"]);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    expect(mail.parsed.subject).toBe("Hallo Bcc: opfer@example.org");
  });
});
