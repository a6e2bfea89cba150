import { describe, expect, it } from "vitest";
import { diffText, diffTokens, hasChanges } from "../../app/lib/text-diff";

const apply = (parts: ReturnType<typeof diffText>, side: "before" | "after") =>
  parts
    .filter((p) => p.type === "equal" || p.type === (side === "before" ? "delete" : "insert"))
    .map((p) => p.text)
    .join("");

/** One side of an edit script: every token but the inserted (before) or deleted (after) ones. */
const tokensWithout = (ops: ReturnType<typeof diffTokens>, left: "insert" | "delete") =>
  ops
    .filter((o) => o.type !== left)
    .map((o) => o.token)
    .join("");

describe("text diff", () => {
  it("finds the shortest edit between token lists", () => {
    const ops = diffTokens(["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"]);
    expect(ops.filter((o) => o.type !== "equal")).toHaveLength(5);
    expect(tokensWithout(ops, "insert")).toBe("abcabba");
    expect(tokensWithout(ops, "delete")).toBe("cbabac");
  });

  it("shows the changed words of a rewritten sentence and keeps untouched lines whole", () => {
    const before = "Einleitung\nDer Beirat empfiehlt einen Piloten für fünf Anfragen.\nSchluss\n";
    const after = "Einleitung\nDer Beirat empfiehlt einen Piloten für die zehn häufigsten Anfragen.\nSchluss\n";
    const parts = diffText(before, after);
    expect(parts.find((p) => p.type === "delete")?.text.trim()).toBe("fünf");
    expect(parts.find((p) => p.type === "insert")?.text.trim()).toBe("die zehn häufigsten");
    expect(parts[0]).toEqual({ type: "equal", text: "Einleitung\nDer Beirat empfiehlt einen Piloten für " });
    expect(apply(parts, "before")).toBe(before);
    expect(apply(parts, "after")).toBe(after);
  });

  it("reports identical texts as unchanged and handles empty sides", () => {
    expect(hasChanges(diffText("gleich\n", "gleich\n"))).toBe(false);
    expect(diffText("", "neu")).toEqual([{ type: "insert", text: "neu" }]);
    expect(diffText("alt", "")).toEqual([{ type: "delete", text: "alt" }]);
  });

  it("reconstructs both sides for random edits", () => {
    const words = ["Chatbot", "Pilot", "KI", "Bürger", "Anfrage", "\n", " ", "Daten"];
    for (let round = 0; round < 50; round++) {
      const make = () => Array.from({ length: Math.floor(Math.random() * 40) }, () => words[Math.floor(Math.random() * words.length)]).join(" ");
      const a = make();
      const b = make();
      const parts = diffText(a, b);
      expect(apply(parts, "before")).toBe(a);
      expect(apply(parts, "after")).toBe(b);
    }
  });
});
