import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/client.server";
import type { Ack, WriteScenario } from "../scenarios/types";
import type { Client } from "./http";
import { bound, runLoad, type LoadResult } from "./load";
import { createMembers, type Member } from "./members";
import type { Portal } from "./portal";

/** How hard the write tests push: LOAD_CLIENTS clients (default 50) for LOAD_SECONDS seconds (default 8). */
export const CLIENTS = bound("LOAD_CLIENTS", 50);
export const DURATION_MS = bound("LOAD_SECONDS", 8) * 1000;

/** The writers' shared state: members with sessions and each scenario's prepared rows. */
export type WriterSetup = {
  run: string;
  members: Member[];
  scenarios: WriteScenario[];
  states: Map<string, unknown>;
  acks: Map<string, Ack[]>;
  pending: Map<string, Ack[]>;
  /** Counts driveWriters calls, so write numbers stay unique across phases. */
  phase: number;
};

export function writerSetup(scenarios: WriteScenario[], clients: number) {
  const setup: WriterSetup = {
    run: randomBytes(4).toString("hex"),
    members: [],
    scenarios,
    states: new Map(),
    acks: new Map(scenarios.map((s) => [s.name, []])),
    pending: new Map(scenarios.map((s) => [s.name, []])),
    phase: 0,
  };
  /** Pass as `prepare` to createPortal. */
  const prepare = async (db: Database) => {
    setup.members = await createMembers(db, "expert", clients);
    for (const scenario of scenarios) setup.states.set(scenario.name, await scenario.prepare(db, setup.members));
  };
  return { setup, prepare };
}

/** Each client takes the scenarios in turn until the time is up. */
export function driveWriters(portal: Portal, setup: WriterSetup, durationMs: number, backoffMs?: number): Promise<LoadResult> {
  const clients: Client[] = setup.members.map((member) => ({ cookie: member.cookie }));
  const phase = setup.phase++;
  return runLoad({
    clients: setup.members.length,
    durationMs,
    backoffMs,
    act: (i, n) => {
      const scenario = setup.scenarios[(i + n) % setup.scenarios.length];
      return scenario.write(
        {
          url: portal.url,
          member: setup.members[i],
          client: clients[i],
          state: setup.states.get(scenario.name),
          run: setup.run,
          n: phase * 10_000_000 + n * 1000 + i,
        },
        { acks: setup.acks.get(scenario.name)!, pending: setup.pending.get(scenario.name)! },
      );
    },
  });
}

export async function verifyWriters(portal: Portal, setup: WriterSetup) {
  await portal.withDb(async (db) => {
    for (const scenario of setup.scenarios) {
      await scenario.verify(db, setup.states.get(scenario.name), setup.acks.get(scenario.name)!, setup.pending.get(scenario.name)!, setup.run);
    }
  });
}

export function ackCounts(setup: WriterSetup) {
  return Object.fromEntries(setup.scenarios.map((s) => [s.name, setup.acks.get(s.name)!.length]));
}
