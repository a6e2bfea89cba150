import { describe, expect, it } from "vitest";
import { buildCalendar, foldLine, type CalendarMeeting } from "../../../app/meetings/calendar.server";
import { parseIcs, prop, resolveTzidTime, unescapeText, unfold } from "./meeting-ics-parser";

function meeting(id: number, startUtc: string, endUtc: string, extra: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    id,
    name: `Sitzung ${id}`,
    start: new Date(startUtc),
    end: new Date(endUtc),
    locationRoom: null,
    locationAddress: null,
    cancelled: false,
    cancellationReason: null,
    items: [],
    ...extra,
  };
}

const baseUrl = "https://beirat.example.org";

describe("iCalendar output", () => {
  it("round-trips start and end across the spring and autumn DST changes through its own VTIMEZONE", () => {
    const cases = [
      // the day before, of and after the switch to summer time (30.03.2025)
      meeting(1, "2025-03-29T16:00:00Z", "2025-03-29T18:00:00Z"),
      meeting(2, "2025-03-30T00:30:00Z", "2025-03-30T02:30:00Z"), // 01:30 CET → 04:30 CEST
      meeting(3, "2025-03-31T15:00:00Z", "2025-03-31T17:00:00Z"),
      // autumn: 26.10.2025
      meeting(4, "2025-10-25T15:00:00Z", "2025-10-25T17:00:00Z"),
      meeting(5, "2025-10-27T16:00:00Z", "2025-10-27T18:00:00Z"),
      meeting(6, "2025-02-06T16:00:00Z", "2025-02-06T19:00:00Z"),
    ];
    const text = buildCalendar({ meetings: cases, name: "Test", baseUrl, now: new Date("2025-01-01T00:00:00Z") });
    const calendar = parseIcs(text);
    const events = calendar.children.filter((c) => c.type === "VEVENT");
    expect(events).toHaveLength(cases.length);
    const locals = events.map((event) => prop(event, "DTSTART")!.value);
    expect(locals).toEqual(["20250329T170000", "20250330T013000", "20250331T170000", "20251025T170000", "20251027T170000", "20250206T170000"]);
    events.forEach((event, index) => {
      for (const [name, expected] of [
        ["DTSTART", cases[index].start],
        ["DTEND", cases[index].end],
      ] as const) {
        const property = prop(event, name)!;
        expect(property.params.TZID).toBe("Europe/Berlin");
        expect(resolveTzidTime(calendar, property.value).toISOString()).toBe(expected.toISOString());
      }
    });
    expect(prop(events[1], "DTEND")!.value).toBe("20250330T043000");
  });

  it("is well-formed: CRLF, VERSION, PRODID, UID and DTSTAMP in UTC, lines of at most 75 octets", () => {
    const text = buildCalendar({
      meetings: [meeting(7, "2025-06-01T10:00:00Z", "2025-06-01T12:00:00Z", { name: "Ä".repeat(60) + " Sitzung über Künstliche Intelligenz und Datenschutz" })],
      name: "Sitzungen",
      baseUrl,
      now: new Date("2025-05-01T08:09:10Z"),
    });
    expect(text.endsWith("\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const calendar = parseIcs(text);
    expect(prop(calendar, "VERSION")!.value).toBe("2.0");
    expect(prop(calendar, "PRODID")).toBeDefined();
    const [event] = calendar.children.filter((c) => c.type === "VEVENT");
    expect(prop(event, "UID")!.value).toBe("sitzung-7@beirat.example.org");
    expect(prop(event, "DTSTAMP")!.value).toBe("20250501T080910Z");
    expect(prop(event, "SUMMARY")!.value).toBe("Ä".repeat(60) + " Sitzung über Künstliche Intelligenz und Datenschutz");
  });

  it("folds without splitting a multi-byte character", () => {
    const folded = foldLine(`SUMMARY:${"€".repeat(40)}`);
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(unfold(`${folded}\r\n`)).toEqual([`SUMMARY:${"€".repeat(40)}`]);
  });

  it("escapes commas, semicolons, backslashes and newlines in text, and marks cancellations", () => {
    const text = buildCalendar({
      meetings: [
        meeting(8, "2025-06-01T10:00:00Z", "2025-06-01T12:00:00Z", {
          name: "Sitzung; KI, Chatbots \\ Plattform",
          locationRoom: "Raum 1, 2. OG",
          cancelled: true,
          cancellationReason: "Krank; verschoben",
          items: [
            { number: "1", name: "Begrüßung, Protokoll", visible: true },
            { number: "2", name: null, visible: false },
          ],
        }),
      ],
      name: "x",
      baseUrl,
    });
    const [event] = parseIcs(text).children.filter((c) => c.type === "VEVENT");
    expect(prop(event, "SUMMARY")!.value).toBe("Sitzung\\; KI\\, Chatbots \\\\ Plattform");
    expect(unescapeText(prop(event, "SUMMARY")!.value)).toBe("Sitzung; KI, Chatbots \\ Plattform");
    expect(unescapeText(prop(event, "LOCATION")!.value)).toBe("Raum 1, 2. OG");
    const description = unescapeText(prop(event, "DESCRIPTION")!.value);
    expect(description.split("\n")).toEqual(
      expect.arrayContaining(["Abgesagt: Krank; verschoben", "TOP 1: Begrüßung, Protokoll", "TOP 2: nicht öffentlicher Teil"]),
    );
    expect(prop(event, "STATUS")!.value).toBe("CANCELLED");
  });
});
