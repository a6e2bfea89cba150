import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";

/**
 * One pooled SMTP transport per process, built from SMTP_URL (smtp:// with STARTTLS when the
 * server offers it, smtps:// for implicit TLS, user:password@ for auth).
 */
let cached: { url: string; transport: Transporter } | undefined;

export function smtpConfigured() {
  return Boolean(env().SMTP_URL);
}

export function smtpTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    const transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 5,
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]);
    cached = { url, transport };
  }
  return cached.transport;
}

export function closeSmtpTransport() {
  cached?.transport.close();
  cached = undefined;
}
