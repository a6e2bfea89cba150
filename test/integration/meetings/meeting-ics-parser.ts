/** A small independent RFC 5545 reader for tests: unfolds, splits properties, resolves TZID times. */
export type IcsProperty = { name: string; params: Record<string, string>; value: string };
export type IcsComponent = { type: string; properties: IcsProperty[]; children: IcsComponent[] };

export function unfold(text: string) {
  if (/[^\r]\n/.test(text)) throw new Error("bare LF line ending");
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line.length > 0);
}

export function parseIcs(text: string): IcsComponent {
  const root: IcsComponent = { type: "ROOT", properties: [], children: [] };
  const stack = [root];
  for (const line of unfold(text)) {
    const colon = line.indexOf(":");
    const [name, ...paramParts] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    const params = Object.fromEntries(paramParts.map((p) => p.split("=") as [string, string]));
    if (name === "BEGIN") {
      const component = { type: value, properties: [], children: [] };
      stack.at(-1)!.children.push(component);
      stack.push(component);
    } else if (name === "END") {
      if (stack.pop()!.type !== value) throw new Error(`unbalanced END:${value}`);
    } else {
      stack.at(-1)!.properties.push({ name, params, value });
    }
  }
  return root.children[0];
}

export function prop(component: IcsComponent, name: string) {
  return component.properties.find((p) => p.name === name);
}

export function unescapeText(value: string) {
  return value.replace(/\\(n|N|\\|;|,)/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** Last Sunday of the month (UTC date), as the VTIMEZONE's BYDAY=-1SU says. */
function lastSunday(year: number, month: number) {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

function offsetMinutes(text: string) {
  const sign = text.startsWith("-") ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(3, 5)));
}

/**
 * Resolves a local time with TZID against the calendar's own VTIMEZONE (DAYLIGHT/STANDARD with
 * yearly BYMONTH/BYDAY=-1SU rules), not against the JS runtime's zone data.
 */
export function resolveTzidTime(calendar: IcsComponent, local: string) {
  const zone = calendar.children.find((c) => c.type === "VTIMEZONE")!;
  const rule = (type: string) => {
    const part = zone.children.find((c) => c.type === type)!;
    const rrule = prop(part, "RRULE")!.value;
    const month = Number(/BYMONTH=(\d+)/.exec(rrule)![1]);
    if (!/BYDAY=-1SU/.test(rrule)) throw new Error("unexpected rule");
    const start = prop(part, "DTSTART")!.value;
    return {
      month,
      hour: Number(start.slice(9, 11)),
      from: offsetMinutes(prop(part, "TZOFFSETFROM")!.value),
      to: offsetMinutes(prop(part, "TZOFFSETTO")!.value),
    };
  };
  const daylight = rule("DAYLIGHT");
  const standard = rule("STANDARD");
  const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(4, 6), local.slice(6, 8), local.slice(9, 11), local.slice(11, 13)].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const summerStart = Date.UTC(y, daylight.month - 1, lastSunday(y, daylight.month), daylight.hour);
  const summerEnd = Date.UTC(y, standard.month - 1, lastSunday(y, standard.month), standard.hour);
  const offset = wall >= summerStart && wall < summerEnd ? daylight.to : standard.to;
  return new Date(wall - offset * 60_000);
}
