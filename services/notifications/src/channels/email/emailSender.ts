// E-mail over SMTP with nodemailer (pooled connections), or into a directory of .eml files for the
// embedded demo, where there is no mail server to talk to.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { RenderedMessage } from '../../templates/compileTemplates';

export type MailTransportConfig =
  | {
      kind: 'smtp';
      host: string;
      port: number;
      /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
      secure?: boolean;
      /** Refuse to send without STARTTLS. */
      requireTls?: boolean;
      user?: string;
      password?: string;
      maxConnections?: number;
    }
  | { kind: 'directory'; directory: string };

export interface EmailConfig {
  from: string;
  transport: MailTransportConfig;
  /** The portal's address: each e-mail links to its case there (`<portalUrl>/zaken/<case id>`). */
  portalUrl?: string;
  /** Per message; an SMTP server that does not answer in time counts as a failed attempt. */
  timeoutMs?: number;
}

export interface OutgoingEmail {
  to: string;
  message: RenderedMessage;
  /** The delivery's key (intent, channel, address): the same key gives the same Message-ID. */
  deliveryKey: string;
  notificationId: string;
}

export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
  /** The case's page in the portal, or undefined when the portal's address is not configured. */
  caseUrl(caseId: string): string | undefined;
  close(): void;
}

/** `<portalUrl>/zaken/<case id>`, also when the portal lives under a path (`https://x/kot/`). */
function caseUrlOf(portalUrl: string, caseId: string): string {
  const base = portalUrl.endsWith('/') ? portalUrl : `${portalUrl}/`;
  return new URL(`zaken/${encodeURIComponent(caseId)}`, base).href;
}

/**
 * A Message-ID derived from the delivery, so a message sent again after a crash carries the same
 * id and mail systems that deduplicate on it show it once.
 */
export function messageIdOf(deliveryKey: string, from: string): string {
  const domain = from.split('@').pop()?.replace(/[>\s]/g, '') || 'kot-referral.example';
  return `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 40)}@${domain}>`;
}

export function createEmailSender(config: EmailConfig): EmailSender {
  const transport = config.transport;
  const timeoutMs = config.timeoutMs ?? 15_000;
  const mailer =
    transport.kind === 'smtp'
      ? nodemailer.createTransport({
          host: transport.host,
          port: transport.port,
          secure: transport.secure ?? false,
          requireTLS: transport.requireTls ?? false,
          ...(transport.user
            ? { auth: { user: transport.user, pass: transport.password ?? '' } }
            : {}),
          pool: true,
          maxConnections: transport.maxConnections ?? 5,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  if (transport.kind === 'directory') mkdirSync(transport.directory, { recursive: true });

  return {
    async send(email) {
      const messageId = messageIdOf(email.deliveryKey, config.from);
      const info = await mailer.sendMail({
        from: config.from,
        to: email.to,
        subject: email.message.subject,
        text: email.message.text,
        html: email.message.html,
        messageId,
        headers: { 'X-Kot-Notification-Id': email.notificationId },
      });
      if (transport.kind === 'directory') {
        const name = `${messageId.slice(1, 17)}.eml`;
        writeFileSync(join(transport.directory, name), (info as { message: Buffer }).message);
      }
    },
    caseUrl: (caseId) => (config.portalUrl ? caseUrlOf(config.portalUrl, caseId) : undefined),
    close: () => mailer.close(),
  };
}
