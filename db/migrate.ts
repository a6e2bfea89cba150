import { openForTool } from "./client.server";
import { applyMigrations } from "./migrate.server";

const handle = openForTool();
await applyMigrations(handle);
console.log(`Migrationen angewendet (${handle.kind}).`);
await handle.close();
