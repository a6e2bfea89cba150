import { createServer, Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./server";

export type ReceivedMail = { envelopeTo: string[]; raw: string; parsed: ParsedMail };

/**
 * A real SMTP server on loopback (smtp-server), every message read back with mailparser.
 * stop()/start() simulate an outage on the same port; `dropEvery` closes every n-th connection
 * right after it is accepted; `auth` requires AUTH PLAIN/LOGIN with that user and password.
 */
export async function startSmtpServer(options: { dropEvery?: number; auth?: { user: string; pass: string }; starttls?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const port = await freePort();
  let connections = 0;
  let server: SMTPServer | undefined;
  const sockets = new Set<Socket>();
  let front: ReturnType<typeof createServer> | undefined;
  let backPort = 0;

  const makeServer = () =>
    new SMTPServer({
      authOptional: !options.auth,
      disabledCommands: options.starttls ? [] : ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
        callback(new Error("Authentifizierung fehlgeschlagen"));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
          callback();
        });
      },
    });

  // A small TCP front on the public port: counts connections and drops every n-th one.
  async function start() {
    server = makeServer();
    backPort = await freePort();
    await new Promise<void>((resolve) => server!.listen(backPort, "127.0.0.1", resolve));
    front = createServer((client) => {
      connections += 1;
      if (options.dropEvery && connections % options.dropEvery === 0) {
        client.destroy();
        return;
      }
      sockets.add(client);
      const upstream = new Socket();
      sockets.add(upstream);
      upstream.connect(backPort, "127.0.0.1");
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    await new Promise<void>((resolve) => front!.listen(port, "127.0.0.1", resolve));
  }

  async function stop() {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    front = undefined;
    server = undefined;
  }

  await start();
  const auth = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : "";
  return {
    url: `smtp://${auth}127.0.0.1:${port}${options.starttls ? "/?tls.rejectUnauthorized=false" : ""}`,
    port,
    received,
    connections: () => connections,
    start,
    stop,
    /** Waits until `count` mails arrived (or fails after `timeoutMs`). */
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Nur ${received.length} von ${count} Mails angekommen`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** The first link in a mail's text part that starts with the given base URL. */
export function linkIn(mail: ReceivedMail, startsWith: string) {
  const match = (mail.parsed.text ?? "").split(/\s+/).find((word) => word.startsWith(startsWith));
  if (!match) throw new Error(`Kein Link ${startsWith} in:\n${mail.parsed.text}`);
  return match;
}

/** A header's raw value (mailparser structures List-* headers; the raw line is what clients read). */
export function header(mail: ReceivedMail, name: string) {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}
