import { afterAll, describe, expect, inject, it } from "vitest";
import { availableScenarios } from "./scenarios";
import { signedInUserId } from "./support/http";
import { serverErrors, summary } from "./support/load";
import { createPortal, type Portal } from "./support/portal";
import { ackCounts, CLIENTS, driveWriters, DURATION_MS, verifyWriters, writerSetup } from "./support/writers";

let portal: Portal | undefined;
afterAll(() => portal?.dispose());

describe("app crash", () => {
  it("SIGKILL during writes: after a restart the data are consistent and sessions still valid", async () => {
    const scenarios = availableScenarios();
    const { setup, prepare } = writerSetup(scenarios, CLIENTS);
    portal = await createPortal({ pgTemplate: inject("pgTemplate"), prepare });
    const current = portal;

    // Writers run until shortly after the kill; then the server restarts and they write again.
    // The kill comes once writes are flowing (at least 20 acknowledged), so some are in flight.
    const beforeCrash = driveWriters(current, setup, DURATION_MS / 2, 200);
    const acknowledged = () => [...setup.acks.values()].reduce((sum, acks) => sum + acks.length, 0);
    const latest = Date.now() + DURATION_MS / 2 - 500;
    while (acknowledged() < 20 && Date.now() < latest) await new Promise((resolve) => setTimeout(resolve, 50));
    const ackedBeforeKill = acknowledged();
    await current.kill();
    const killedAt = Date.now();
    const crashed = await beforeCrash;
    await current.start();
    const restartMs = Date.now() - killedAt;
    const afterRestart = await driveWriters(current, setup, DURATION_MS / 2, 200);
    console.info(summary(`Absturz (${current.kind})`, crashed), summary("nach Neustart", afterRestart), ackCounts(setup), `Neustart nach ${restartMs} ms`);

    // Requests in flight at the kill get no answer; no answer is ever a 5xx.
    expect(serverErrors(crashed), current.output()).toEqual([]);
    expect(serverErrors(afterRestart), current.output()).toEqual([]);
    expect(crashed.networkErrors, "der Abbruch war während der Last").toBeGreaterThan(0);
    expect(ackedBeforeKill, "vor dem Abbruch wurde schon geschrieben").toBeGreaterThan(0);
    // A client may still hold a keep-alive socket to the killed process: at most one failure each.
    expect(afterRestart.networkErrors).toBeLessThanOrEqual(CLIENTS);
    expect(afterRestart.statuses["302"] ?? 0, "nach dem Neustart wird wieder geschrieben").toBeGreaterThan(0);
    const signedIn = await Promise.all(setup.members.map((member) => signedInUserId(current.url, { cookie: member.cookie })));
    expect(signedIn).toEqual(setup.members.map((member) => member.id));
    await current.stop();
    await verifyWriters(current, setup);
  });
});
