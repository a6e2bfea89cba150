// What the admin scripts share: German messages for their arguments, and parsing them into one
// checked object (exit code 2 on a problem).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";

export const EmailArg = z.string({ required_error: "--email fehlt." }).trim().toLowerCase().email("--email ist keine gültige E-Mail-Adresse.");

/** The checked arguments, or null after writing the problem to `err`. */
export function parseCliArgs<T>(argv: string[], options: ParseArgsConfig["options"], schema: z.ZodType<T>, err: (line: string) => void): T | null {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options }).values;
  } catch (error) {
    err((error as Error).message);
    return null;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    err(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return null;
  }
  return parsed.data;
}
