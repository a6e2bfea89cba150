import { afterAll, describe, expect, inject, it } from "vitest";
import { availableScenarios } from "./scenarios";
import { serverErrors, summary } from "./support/load";
import { createPortal, type Portal } from "./support/portal";
import { ackCounts, CLIENTS, driveWriters, DURATION_MS, verifyWriters, writerSetup } from "./support/writers";

let portal: Portal | undefined;
afterAll(() => portal?.dispose());

describe("concurrent writers", () => {
  it(`${CLIENTS} clients write for a fixed time: every acknowledged write stored once, no 5xx`, async () => {
    const scenarios = availableScenarios();
    const { setup, prepare } = writerSetup(scenarios, CLIENTS);
    portal = await createPortal({ pgTemplate: inject("pgTemplate"), prepare });

    const result = await driveWriters(portal, setup, DURATION_MS);
    console.info(summary(`Schreiblast (${portal.kind}, ${scenarios.map((s) => s.name).join(", ")})`, result), ackCounts(setup));

    expect(serverErrors(result), portal.output()).toEqual([]);
    expect(result.networkErrors).toBe(0);
    for (const scenario of scenarios) expect(setup.acks.get(scenario.name)!.length, scenario.name).toBeGreaterThan(0);
    await portal.stop();
    await verifyWriters(portal, setup);
  });
});
