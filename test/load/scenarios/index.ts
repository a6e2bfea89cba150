import { sessionWrites } from "./sessions";
import type { WriteScenario } from "./types";

/** Every write the load tests know; each reports whether its routes exist yet. */
export const ALL_SCENARIOS: WriteScenario[] = [sessionWrites];

export function availableScenarios() {
  return ALL_SCENARIOS.filter((scenario) => scenario.available());
}
