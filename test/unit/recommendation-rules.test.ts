import { describe, expect, it } from "vitest";
import type { RecommendationStatus } from "../../db/schema";
import {
  ballotOpen,
  deriveOutcome,
  IllegalTransitionError,
  isAllowed,
  nextStatus,
  quorumRequired,
  tallyVotes,
  type RecommendationAction,
} from "../../app/recommendations/rules.server";

describe("vote arithmetic", () => {
  it("counts Ja, Nein, Enthaltung and Befangenheit", () => {
    expect(tallyVotes(["ja", "ja", "nein", "enthaltung", "befangen"])).toEqual({ yes: 2, no: 1, abstain: 1, recused: 1 });
  });

  it("is einstimmig without Nein, even with abstentions", () => {
    const outcome = deriveOutcome({ yes: 3, no: 0, abstain: 2, recused: 0 }, 6, 50);
    expect(outcome).toMatchObject({ result: "einstimmig", adopted: true, quorumMet: true, participants: 5 });
  });

  it("is mehrheitlich with more Ja than Nein", () => {
    expect(deriveOutcome({ yes: 3, no: 1, abstain: 1, recused: 0 }, 5, 50)).toMatchObject({ result: "mehrheitlich", adopted: true });
  });

  it("rejects a tie and reports it", () => {
    expect(deriveOutcome({ yes: 2, no: 2, abstain: 1, recused: 0 }, 5, 50)).toMatchObject({ result: "abgelehnt", rejectionReason: "tie", adopted: false });
    expect(deriveOutcome({ yes: 0, no: 0, abstain: 4, recused: 0 }, 5, 50)).toMatchObject({ result: "abgelehnt", rejectionReason: "tie" });
  });

  it("rejects a Nein majority", () => {
    expect(deriveOutcome({ yes: 1, no: 3, abstain: 0, recused: 0 }, 5, 50)).toMatchObject({ result: "abgelehnt", rejectionReason: "majority" });
  });

  it("rejects when the quorum is missed, recused members not counting", () => {
    // 6 eligible, 50 % → 3 must take part; 2 Ja and 2 befangen are not enough.
    const outcome = deriveOutcome({ yes: 2, no: 0, abstain: 0, recused: 2 }, 6, 50);
    expect(outcome).toMatchObject({ result: "abgelehnt", rejectionReason: "quorum", quorumRequired: 3, quorumMet: false, adopted: false });
    expect(deriveOutcome({ yes: 3, no: 0, abstain: 0, recused: 0 }, 6, 50).quorumMet).toBe(true);
  });

  it("rounds the quorum up and requires at least one participant", () => {
    expect(quorumRequired(5, 50)).toBe(3);
    expect(quorumRequired(4, 50)).toBe(2);
    expect(quorumRequired(0, 50)).toBe(1);
    expect(quorumRequired(7, 100)).toBe(7);
  });
});

describe("state machine", () => {
  // What one may do with a recommendation in each status, read row by row (the rules keep it by action).
  const allowedIn: Record<RecommendationStatus, RecommendationAction[]> = {
    draft: ["edit", "comment", "startVote"],
    voting: ["comment", "vote", "closeVote"],
    adopted: ["publish"],
    rejected: [],
    published: ["correct", "makePublic"],
  };
  const actions: RecommendationAction[] = ["edit", "comment", "startVote", "vote", "closeVote", "publish", "correct", "makePublic"];
  const cases = Object.entries(allowedIn).flatMap(([status, allowed]) =>
    actions.map((action) => ({
      status: status as RecommendationStatus,
      action,
      ok: allowed.includes(action),
      verdict: allowed.includes(action) ? "allows" : "refuses",
    })),
  );

  it.each(cases)("$verdict $action in $status", ({ status, action, ok }) => {
    expect(isAllowed(status, action)).toBe(ok);
    if (ok) expect(() => nextStatus(status, action, { adopted: true })).not.toThrow();
    else expect(() => nextStatus(status, action)).toThrow(IllegalTransitionError);
  });

  it("checks every status and action pair", () => {
    expect(cases).toHaveLength(5 * 8);
  });

  it("moves draft → voting → adopted/rejected → published", () => {
    expect(nextStatus("draft", "startVote")).toBe("voting");
    expect(nextStatus("voting", "closeVote", { adopted: true })).toBe("adopted");
    expect(nextStatus("voting", "closeVote", { adopted: false })).toBe("rejected");
    expect(nextStatus("adopted", "publish")).toBe("published");
    expect(nextStatus("published", "correct")).toBe("published");
  });

  it("accepts votes only before the deadline", () => {
    const now = new Date("2025-02-01T12:00:00Z");
    expect(ballotOpen({ status: "voting", voteDeadline: new Date("2025-02-02T00:00:00Z") }, now)).toBe(true);
    expect(ballotOpen({ status: "voting", voteDeadline: new Date("2025-02-01T11:59:00Z") }, now)).toBe(false);
    expect(ballotOpen({ status: "voting", voteDeadline: null }, now)).toBe(true);
    expect(ballotOpen({ status: "adopted", voteDeadline: null }, now)).toBe(false);
  });
});
