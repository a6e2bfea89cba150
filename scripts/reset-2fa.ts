// npm run admin:reset-2fa -- --email it@stadt.example
// Removes a member's second factor (e.g. the last admin lost the phone); audited as the system.
// They set it up again at their next sign-in if their role requires it.
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { getDatabaseHandle } from "../db/client.server";
import { applyMigrations } from "../db/migrate.server";
import { resetTwoFactorByEmail } from "../app/accounts/two-factor-admin.server";
import { EmailArg, parseCliArgs } from "./cli-args";

type Io = { out: (line: string) => void; err: (line: string) => void };

const ArgsSchema = z.object({
  email: EmailArg,
});

/** Returns the exit code; the caller owns the database connection. */
export async function runResetTwoFactor(argv: string[], io: Io): Promise<number> {
  const args = parseCliArgs(argv, { email: { type: "string" } }, ArgsSchema, io.err);
  if (!args) return 2;
  if (!(await resetTwoFactorByEmail(args.email))) {
    io.err(`Kein aktives Konto für ${args.email}; nichts geändert.`);
    return 1;
  }
  io.out(`Zweiter Faktor für ${args.email} zurückgesetzt. Bei der nächsten Anmeldung wird er neu eingerichtet.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const handle = getDatabaseHandle();
  try {
    await applyMigrations(handle);
    process.exitCode = await runResetTwoFactor(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
  } finally {
    await handle.close();
  }
}
