// Reads the demo logins from db/seed/accounts.ts without a TypeScript toolchain in this process.
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../db/seed/accounts.ts", import.meta.url), "utf8");
const block = source.slice(source.indexOf("DEMO_LOGINS"), source.indexOf("];", source.indexOf("DEMO_LOGINS")));
export const DEMO_LOGINS = [...block.matchAll(/role: "(\w+)",\s*email: "([^"]+)",\s*password: "([^"]+)"/g)].map(([, role, email, password]) => ({
  role,
  email,
  password,
}));
