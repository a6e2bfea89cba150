// Production server: Express serving the Remix build. Applies migrations before it listens.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const buildDir = process.env.REMIX_BUILD_DIR;
const build = await import(buildDir ? path.resolve(buildDir, "server/index.js") : "./build/index.js");
const assetsDir = buildDir ? path.resolve(buildDir, "public/build") : "public/build";

await build.entry.module.prepareDatabase();

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// Forms come only from our own pages: a cross-site POST (Origin of another host) is refused.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  if (origin && origin !== "null" && new URL(origin).host !== req.get("host")) {
    res.status(403).type("text/plain; charset=utf-8").send("Anfrage von fremder Herkunft abgelehnt.");
    return;
  }
  next();
});

app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

const server = app.listen(port, host, () => {
  console.log(`Digitalbeirat-Portal läuft auf http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

async function shutdown() {
  server.close();
  await build.entry.module.closeDatabase().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
