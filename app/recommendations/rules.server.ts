import type { RecommendationStatus, RejectionReason, VoteChoice, VoteResult } from "#db/schema";

/**
 * The rules of a recommendation as pure functions: the state machine and the vote arithmetic.
 * See docs/decisions/ (recommendation votes) for why ties and a missed quorum reject.
 */

export type RecommendationAction = "edit" | "startVote" | "vote" | "closeVote" | "publish" | "correct" | "makePublic" | "comment";

const ALLOWED: Record<RecommendationAction, readonly RecommendationStatus[]> = {
  edit: ["draft"],
  comment: ["draft", "voting"],
  startVote: ["draft"],
  vote: ["voting"],
  closeVote: ["voting"],
  publish: ["adopted"],
  correct: ["published"],
  makePublic: ["published"],
};

export function isAllowed(status: RecommendationStatus, action: RecommendationAction) {
  return ALLOWED[action].includes(status);
}

/** The status after a legal action; throws for an illegal one (callers check isAllowed first). */
export function nextStatus(status: RecommendationStatus, action: RecommendationAction, outcome?: { adopted: boolean }): RecommendationStatus {
  if (!isAllowed(status, action)) throw new IllegalTransitionError(status, action);
  switch (action) {
    case "startVote":
      return "voting";
    case "closeVote":
      return outcome?.adopted ? "adopted" : "rejected";
    case "publish":
      return "published";
    default:
      return status;
  }
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly status: RecommendationStatus,
    readonly action: RecommendationAction,
  ) {
    super(`${action} is not allowed in status ${status}`);
  }
}

export type Tally = { yes: number; no: number; abstain: number; recused: number };

export function tallyVotes(choices: readonly VoteChoice[]): Tally {
  const tally: Tally = { yes: 0, no: 0, abstain: 0, recused: 0 };
  for (const choice of choices) {
    if (choice === "ja") tally.yes += 1;
    else if (choice === "nein") tally.no += 1;
    else if (choice === "enthaltung") tally.abstain += 1;
    else tally.recused += 1;
  }
  return tally;
}

/** Members who must take part: `percent` of the eligible members, rounded up, at least one. */
export function quorumRequired(eligible: number, percent: number) {
  return Math.max(1, Math.ceil((eligible * percent) / 100));
}

export type VoteOutcome = {
  result: VoteResult;
  rejectionReason: RejectionReason | null;
  adopted: boolean;
  quorumRequired: number;
  quorumMet: boolean;
  participants: number;
};

/**
 * Participants are those who voted Ja, Nein or Enthaltung; a recused member does not count
 * towards the quorum. Adopted needs the quorum and more Ja than Nein; einstimmig means no Nein
 * (abstentions allowed, as in the council's own minutes); a tie is not a majority: abgelehnt.
 */
export function deriveOutcome(tally: Tally, eligible: number, quorumPercent: number): VoteOutcome {
  const required = quorumRequired(eligible, quorumPercent);
  const participants = tally.yes + tally.no + tally.abstain;
  const quorumMet = participants >= required;
  const base = { quorumRequired: required, quorumMet, participants };
  if (!quorumMet) return { ...base, result: "abgelehnt", rejectionReason: "quorum", adopted: false };
  if (tally.yes === tally.no) return { ...base, result: "abgelehnt", rejectionReason: "tie", adopted: false };
  if (tally.yes < tally.no) return { ...base, result: "abgelehnt", rejectionReason: "majority", adopted: false };
  return { ...base, result: tally.no === 0 ? "einstimmig" : "mehrheitlich", rejectionReason: null, adopted: true };
}

/** The vote record a closed vote leaves on the recommendation's row. */
export function voteRecord(tally: Tally, eligible: number, outcome: VoteOutcome) {
  return {
    result: outcome.result,
    rejectionReason: outcome.rejectionReason,
    yesCount: tally.yes,
    noCount: tally.no,
    abstainCount: tally.abstain,
    recusedCount: tally.recused,
    eligibleCount: eligible,
    quorumRequired: outcome.quorumRequired,
    quorumMet: outcome.quorumMet,
  };
}

/** Whether the ballot still accepts votes at `now`. */
export function ballotOpen(rec: { status: RecommendationStatus; voteDeadline: Date | string | null }, now = new Date()) {
  if (rec.status !== "voting") return false;
  return !rec.voteDeadline || new Date(rec.voteDeadline).getTime() > now.getTime();
}
