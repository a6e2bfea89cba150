import { getDatabaseHandle } from "./client.server";
import { applyMigrations } from "./migrate.server";

const handle = getDatabaseHandle();
await applyMigrations(handle);
console.log(`Migrationen angewendet (${handle.kind}).`);
await handle.close();
