// npm run admin:reset-2fa -- --email it@stadt.example
// Removes a member's second factor (e.g. the last admin lost the phone); audited as the system.
// They set it up again at their next sign-in if their role requires it.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { getDatabaseHandle } from "../db/client.server";
import { applyMigrations } from "../db/migrate.server";
import { resetTwoFactorByEmail } from "../app/accounts/two-factor-admin.server";

type Io = { out: (line: string) => void; err: (line: string) => void };

const ArgsSchema = z.object({
  email: z.string({ required_error: "--email fehlt." }).trim().toLowerCase().email("--email ist keine gültige E-Mail-Adresse."),
});

/** Returns the exit code; the caller owns the database connection. */
export async function runResetTwoFactor(argv: string[], io: Io): Promise<number> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: { email: { type: "string" } } }).values;
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    io.err(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return 2;
  }
  if (!(await resetTwoFactorByEmail(parsed.data.email))) {
    io.err(`Kein aktives Konto für ${parsed.data.email}; nichts geändert.`);
    return 1;
  }
  io.out(`Zweiter Faktor für ${parsed.data.email} zurückgesetzt. Bei der nächsten Anmeldung wird er neu eingerichtet.`);
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
