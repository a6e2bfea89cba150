import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { agendaItems, councilMeetings, meetings, papers } from "#db/schema";
import { t } from "~/i18n/de";
import { compact, oparlDateTime, typeUrl, VENDOR, type OparlObject } from "./format";
import { findBoardOrganizationId } from "./organizations.server";
import { fileProperties, publicFilesOf, type OwnerFiles } from "./files.server";
import { oparlUrls, webUrls } from "./urls.server";

const text = t.oparl.export;
type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect & { paperVisible: boolean; order: number; released: boolean };

const hasLocation = (m: MeetingRow) => Boolean((m.locationRoom ?? "").trim() || (m.locationAddress ?? "").trim());

function locationObject(m: MeetingRow): OparlObject {
  return compact({
    id: oparlUrls.object("location", m.id),
    type: typeUrl("Location"),
    description: [m.locationRoom, m.locationAddress].filter((part) => part && part.trim()).join(", "),
    room: m.locationRoom ?? undefined,
    streetAddress: m.locationAddress ?? undefined,
    meetings: [oparlUrls.object("meeting", m.id)],
    created: oparlDateTime(m.createdAt),
    modified: oparlDateTime(m.updatedAt),
  }) as OparlObject;
}

/**
 * Public agenda items only; `order` counts public items, so nothing tells how many
 * non-public ones there are or where they sit. Results only once the minutes are released.
 */
function agendaItemObject(item: ItemRow, files: OwnerFiles): OparlObject {
  return compact({
    id: oparlUrls.object("agendaItem", item.id),
    type: typeUrl("AgendaItem"),
    meeting: oparlUrls.object("meeting", item.meetingId),
    number: item.number,
    order: item.order,
    name: item.name,
    public: true,
    result: item.released ? (item.result ?? undefined) : undefined,
    [`${VENDOR}:paper`]: item.paperId && item.paperVisible ? oparlUrls.object("paper", item.paperId) : undefined,
    web: `${webUrls.meeting(item.meetingId)}`,
    ...fileProperties(files.get(item.id), []),
    created: oparlDateTime(item.createdAt),
    modified: oparlDateTime(item.updatedAt),
  }) as OparlObject;
}

async function publicItemsOf(meetingIds: number[]): Promise<ItemRow[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({ item: agendaItems, paperPublic: papers.isPublic, paperDeleted: papers.oparlSourceDeletedAt, released: meetings.minutesReleasedAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(papers, eq(papers.id, agendaItems.paperId))
    .where(and(inArray(agendaItems.meetingId, meetingIds), eq(agendaItems.isPublic, true)))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
  const counters = new Map<number, number>();
  return rows.map(({ item, paperPublic, paperDeleted, released }) => {
    const order = (counters.get(item.meetingId) ?? 0) + 1;
    counters.set(item.meetingId, order);
    return { ...item, order, paperVisible: Boolean(paperPublic) && !paperDeleted, released: released !== null };
  });
}

export async function loadMeetings(keys: string[]): Promise<Map<string, OparlObject>> {
  const boardIds = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  const councilIds = keys.filter((key) => /^rat-[0-9]{1,9}$/.test(key)).map((key) => Number(key.slice(4)));
  const [rows, items, board, council, meetingFiles] = await Promise.all([
    boardIds.length ? db.select().from(meetings).where(inArray(meetings.id, boardIds)) : Promise.resolve([]),
    publicItemsOf(boardIds),
    findBoardOrganizationId(),
    councilIds.length
      ? db
          .select()
          .from(councilMeetings)
          .where(and(inArray(councilMeetings.id, councilIds), isNull(councilMeetings.deletedAt)))
      : Promise.resolve([]),
    publicFilesOf("meeting", boardIds),
  ]);
  const itemFiles = await publicFilesOf(
    "agendaItem",
    items.map((item) => item.id),
  );
  const result = new Map<string, OparlObject>();
  for (const m of rows) {
    result.set(
      String(m.id),
      compact({
        id: oparlUrls.object("meeting", m.id),
        type: typeUrl("Meeting"),
        name: m.name,
        meetingState: text.meetingStates[m.state],
        cancelled: m.cancelled,
        start: oparlDateTime(m.start),
        end: oparlDateTime(m.end),
        location: hasLocation(m) ? locationObject(m) : undefined,
        organization: board ? [oparlUrls.object("organization", board)] : undefined,
        agendaItem: items.filter((item) => item.meetingId === m.id).map((item) => agendaItemObject(item, itemFiles)),
        ...fileProperties(meetingFiles.get(m.id), ["invitation", "resultsProtocol"]),
        web: webUrls.meeting(m.id),
        created: oparlDateTime(m.createdAt),
        modified: oparlDateTime(m.updatedAt),
      }) as OparlObject,
    );
  }
  for (const m of council) {
    result.set(
      `rat-${m.id}`,
      compact({
        id: oparlUrls.object("meeting", `rat-${m.id}`),
        type: typeUrl("Meeting"),
        name: m.name,
        cancelled: m.cancelled,
        start: m.start ? oparlDateTime(m.start) : undefined,
        end: m.end ? oparlDateTime(m.end) : undefined,
        organization: m.organizationId ? [oparlUrls.object("organization", m.organizationId)] : undefined,
        web: m.oparlSourceWeb ?? undefined,
        [`${VENDOR}:source`]: m.oparlSourceId,
        created: oparlDateTime(m.createdAt),
        modified: oparlDateTime(m.updatedAt),
      }) as OparlObject,
    );
  }
  return result;
}

export async function loadAgendaItems(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  if (ids.length === 0) return new Map();
  const owners = await db.selectDistinct({ meetingId: agendaItems.meetingId }).from(agendaItems).where(inArray(agendaItems.id, ids));
  const items = (await publicItemsOf(owners.map((row) => row.meetingId))).filter((item) => ids.includes(item.id));
  const files = await publicFilesOf(
    "agendaItem",
    items.map((item) => item.id),
  );
  return new Map(items.map((item) => [String(item.id), agendaItemObject(item, files)]));
}

export async function loadLocations(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(meetings).where(inArray(meetings.id, ids));
  return new Map(rows.filter(hasLocation).map((m) => [String(m.id), locationObject(m)]));
}
