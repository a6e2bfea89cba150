// npm run admin:create -- --email it@stadt.example --name "Vorname Name" [--organisation …] [--password-stdin]
// Creates the first admin in the configured database (DATABASE_URL or DATA_DIR).
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { openForTool } from "../db/client.server";
import { applyMigrations } from "../db/migrate.server";
import { passwordProblem } from "../app/accounts/password.server";
import { AdminExistsError, createAdminAccount } from "../app/accounts/admin-account.server";
import { EmailArg, parseCliArgs } from "./cli-args";

type Io = { stdin: () => Promise<string>; out: (line: string) => void; err: (line: string) => void };

const ArgsSchema = z.object({
  email: EmailArg,
  name: z.string({ required_error: "--name fehlt." }).trim().min(1, "--name fehlt.").max(120),
  organisation: z.string().trim().max(200).optional(),
  password: z.string().optional(),
  "password-stdin": z.boolean().optional(),
});

/** 24 characters from a 64-symbol alphabet: 144 bits. */
function generatePassword() {
  return randomBytes(18).toString("base64url");
}

/** Returns the exit code; the caller owns the database connection. */
export async function runCreateAdmin(argv: string[], io: Io): Promise<number> {
  const options = {
    email: { type: "string" },
    name: { type: "string" },
    organisation: { type: "string" },
    password: { type: "string" },
    "password-stdin": { type: "boolean" },
  } as const;
  const args = parseCliArgs(argv, options, ArgsSchema, io.err);
  if (!args) return 2;
  const given = args["password-stdin"] ? (await io.stdin()).replace(/\r?\n$/, "") : args.password;
  const password = given ?? generatePassword();
  const problem = passwordProblem(password, { email: args.email, name: args.name });
  if (problem) {
    io.err(problem);
    return 2;
  }
  try {
    const { id } = await createAdminAccount({ email: args.email, name: args.name, organisation: args.organisation ?? null, password });
    io.out(`Administrationskonto #${id} für ${args.email} angelegt.`);
    if (!given) io.out(`Erzeugtes Passwort (nur jetzt sichtbar, bitte sicher übergeben): ${password}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AdminExistsError)) throw error;
    io.err(`Für ${args.email} gibt es bereits ein Konto; nichts geändert.`);
    return 1;
  }
}

async function readStdin() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const handle = openForTool();
  try {
    await applyMigrations(handle);
    process.exitCode = await runCreateAdmin(process.argv.slice(2), {
      stdin: readStdin,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await handle.close();
  }
}
