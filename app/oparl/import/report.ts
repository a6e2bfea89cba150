import type { OparlRunCounts, OparlRunProblem } from "#db/schema";

export type Outcome = "created" | "updated" | "unchanged" | "deleted" | { refused: string };
export const MAX_PROBLEMS = 200;

/** The run report: counts per list and the reasons for what was refused (bounded). */
export class RunReport {
  counts: OparlRunCounts = {};
  problems: OparlRunProblem[] = [];

  /** The list appears in the report even when nothing came. */
  touch(list: string) {
    return (this.counts[list] ??= { created: 0, updated: 0, unchanged: 0, deleted: 0, refused: 0 });
  }

  count(list: string, outcome: Outcome, id?: string) {
    const entry = this.touch(list);
    if (typeof outcome === "string") entry[outcome] += 1;
    else {
      entry.refused += 1;
      this.problem({ list, id, reason: outcome.refused });
    }
  }

  problem(problem: OparlRunProblem) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ ...problem, id: problem.id?.slice(0, 300), reason: problem.reason.slice(0, 500) });
  }
}
