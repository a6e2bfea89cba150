import { openForTool } from "./client.server";
import { applyMigrations } from "./migrate.server";
import { DatabaseNotEmptyError, seedDemo } from "./seed/index";

if (process.env.DATABASE_URL && process.env.DEMO_MODE !== "true") {
  console.error("Demodaten werden in PostgreSQL nur mit DEMO_MODE=true geladen, nie in eine Produktionsdatenbank.");
  process.exit(1);
}
const handle = openForTool();
await applyMigrations(handle);
try {
  await seedDemo(handle.db);
  console.log("Demodaten geladen.");
} catch (error) {
  if (!(error instanceof DatabaseNotEmptyError)) throw error;
  if (process.argv.includes("--if-empty")) {
    console.log("Die Datenbank enthält bereits Daten; die Demodaten bleiben, wie sie sind.");
  } else {
    console.error(error.message);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
