import { commentWrites } from "./comments";
import { scoreWrites } from "./scores";
import { sessionWrites } from "./sessions";
import type { WriteScenario } from "./types";

/** Every write the load tests know; each reports whether its routes exist yet. */
export const ALL_SCENARIOS: WriteScenario[] = [commentWrites, scoreWrites, sessionWrites];

export function availableScenarios() {
  return ALL_SCENARIOS.filter((scenario) => scenario.available());
}
