import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { organizations, users } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { compact, oparlDateTime, typeUrl, VENDOR, type OparlObject } from "./format";
import { oparlUrls, webUrls } from "./urls.server";

const text = t.oparl.export;

/** The organization that is the board itself (OPARL_BOARD_ORGANIZATION), if the portal has it. */
export async function findBoardOrganizationId(): Promise<number | null> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.shortName, env().OPARL_BOARD_ORGANIZATION));
  return row?.id ?? null;
}

const numericIds = (keys: string[]) => keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);

export async function loadOrganizations(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = numericIds(keys);
  if (ids.length === 0) return new Map();
  const [rows, board, members] = await Promise.all([
    db.select().from(organizations).where(inArray(organizations.id, ids)),
    findBoardOrganizationId(),
    consentingMembers([]),
  ]);
  return new Map(
    rows.map((row) => [
      String(row.id),
      compact({
        id: oparlUrls.object("organization", row.id),
        type: typeUrl("Organization"),
        body: oparlUrls.body(),
        name: row.name,
        classification: row.classification,
        organizationType: text.organizationType,
        membership: row.id === board ? members.map((m) => oparlUrls.object("membership", m.id)) : undefined,
        web: webUrls.papersOfBody(row.shortName),
        [`${VENDOR}:source`]: row.oparlSourceId ?? undefined,
        created: oparlDateTime(row.createdAt),
        modified: oparlDateTime(row.updatedAt),
      }) as OparlObject,
    ]),
  );
}

/** Board members who consented (a setting in /konto, off by default): name only. */
function consentingMembers(ids: number[]) {
  return db
    .select({ id: users.id, name: users.name, createdAt: users.createdAt, modifiedAt: users.oparlModifiedAt })
    .from(users)
    .where(
      and(
        ids.length ? inArray(users.id, ids) : undefined,
        eq(users.role, "expert"),
        isNotNull(users.oparlConsentAt),
        isNull(users.deletedAt),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.id);
}

type Member = Awaited<ReturnType<typeof consentingMembers>>[number];

function membershipObject(member: Member, board: number | null): OparlObject {
  return compact({
    id: oparlUrls.object("membership", member.id),
    type: typeUrl("Membership"),
    person: oparlUrls.object("person", member.id),
    organization: board ? oparlUrls.object("organization", board) : undefined,
    role: text.boardMemberRole,
    votingRight: true,
    created: oparlDateTime(member.createdAt),
    modified: oparlDateTime(member.modifiedAt),
  }) as OparlObject;
}

export async function loadPersons(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = numericIds(keys);
  if (ids.length === 0) return new Map();
  const [rows, board] = await Promise.all([consentingMembers(ids), findBoardOrganizationId()]);
  return new Map(
    rows.map((member) => [
      String(member.id),
      compact({
        id: oparlUrls.object("person", member.id),
        type: typeUrl("Person"),
        body: oparlUrls.body(),
        name: member.name ?? undefined,
        membership: [membershipObject(member, board)],
        created: oparlDateTime(member.createdAt),
        modified: oparlDateTime(member.modifiedAt),
      }) as OparlObject,
    ]),
  );
}

export async function loadMemberships(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = numericIds(keys);
  if (ids.length === 0) return new Map();
  const [rows, board] = await Promise.all([consentingMembers(ids), findBoardOrganizationId()]);
  return new Map(rows.map((member) => [String(member.id), membershipObject(member, board)]));
}
