// The notifications service's own settings from the environment (the platform's loadConfig reads
// the shared ones: event store, HTTP, JWT, log level, KAFKA_BROKERS). Every problem is collected
// before failing, so an operator fixes a deployment in one round.

import type { EmailConfig } from '../channels/email/emailSender';
import {
  callbackAddressPolicies,
  type CallbackAddressPolicy,
} from '../channels/webhooks/callbackAddressPolicy';
import type { RecipientEntry } from '../recipients/recipientDirectory';
import { loadRecipientsFile, RecipientsFileError } from '../recipients/recipientsFile';
import type { NotificationsRoles } from '../service/createNotificationsService';

export type Environment = Readonly<Record<string, string | undefined>>;

export type NotificationsRole = keyof NotificationsRoles | 'relay' | 'api';
const allRoles: readonly NotificationsRole[] = ['feed', 'timers', 'dispatcher', 'relay', 'api'];

export interface NotificationsConfig {
  email: EmailConfig | null;
  webhookAddresses: CallbackAddressPolicy;
  webhookTimeoutMs: number;
  deadlineScanIntervalMs: number;
  dispatchPollIntervalMs: number;
  /** Which loops this process runs; `relay` only with Kafka. */
  roles: Set<NotificationsRole>;
  kafka: KafkaSettings | null;
  /** Where the service keeps its tables when the event store is not SQL (KurrentDB). */
  databaseUrl: string | null;
  /** RECIPIENTS_FILE, read and checked: applied to the recipient directory at start. */
  recipients: RecipientEntry[] | null;
}

export interface KafkaSettings {
  brokers: string[];
  topic: string;
  groupId: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  maxRequestBytes: number;
  sendTimeoutMs: number;
  consumerMaxAttempts: number;
  ssl: boolean;
  sasl: {
    mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    username: string;
    password: string;
  } | null;
}

const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

export class NotificationsConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid notifications configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'NotificationsConfigError';
  }
}

export function loadNotificationsConfig(env: Environment): NotificationsConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };

  const from = read('MAIL_FROM') ?? 'KOT-verwijsplatform <noreply@kot-referral.example>';
  const portalUrl = read('PORTAL_URL');
  const usablePortalUrl = portalUrl !== undefined && isWebAddress(portalUrl);
  if (portalUrl !== undefined && !usablePortalUrl) {
    problems.push(`PORTAL_URL: expected an http:// or https:// address, got "${portalUrl}"`);
  }
  const link = usablePortalUrl ? { portalUrl } : {};
  let email: EmailConfig | null = null;
  const smtpUrl = read('SMTP_URL');
  const mailDir = read('MAIL_DIR');
  if (smtpUrl && mailDir) problems.push('SMTP_URL and MAIL_DIR: set one of them, not both');
  if (smtpUrl) {
    try {
      const url = new URL(smtpUrl);
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('protocol');
      email = {
        from,
        ...link,
        transport: {
          kind: 'smtp',
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
          secure: url.protocol === 'smtps:',
          requireTls: url.searchParams.get('requireTls') === 'true',
          ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
          ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
        },
      };
    } catch {
      // The URL may hold a password: it is not echoed.
      problems.push('SMTP_URL: expected smtp://[user:password@]host[:port] or smtps://…');
    }
  } else if (mailDir) {
    email = { from, ...link, transport: { kind: 'directory', directory: mailDir } };
  }

  const webhookAddresses = (read('WEBHOOK_ADDRESSES') ?? 'public-only') as CallbackAddressPolicy;
  if (!callbackAddressPolicies.includes(webhookAddresses)) {
    problems.push(
      `WEBHOOK_ADDRESSES: expected one of ${callbackAddressPolicies.join(', ')}, got "${webhookAddresses}"`,
    );
  }

  const brokers = (read('KAFKA_BROKERS') ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  const kafka = brokers.length > 0 ? kafkaSettings(brokers) : null;
  function kafkaSettings(brokerList: string[]): KafkaSettings {
    const ssl = read('KAFKA_SSL') ?? 'false';
    if (ssl !== 'true' && ssl !== 'false') {
      problems.push(`KAFKA_SSL: expected true or false, got "${ssl}"`);
    }
    const mechanism = read('KAFKA_SASL_MECHANISM');
    const username = read('KAFKA_SASL_USERNAME');
    const password = read('KAFKA_SASL_PASSWORD');
    let sasl: KafkaSettings['sasl'] = null;
    if (mechanism !== undefined) {
      if (!(saslMechanisms as readonly string[]).includes(mechanism)) {
        problems.push(
          `KAFKA_SASL_MECHANISM: expected one of ${saslMechanisms.join(', ')}, got "${mechanism}"`,
        );
      } else if (!username || !password) {
        // The password is never echoed.
        problems.push('KAFKA_SASL_MECHANISM: needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
      } else {
        sasl = { mechanism: mechanism as (typeof saslMechanisms)[number], username, password };
        if (ssl !== 'true')
          problems.push(
            'KAFKA_SASL_MECHANISM: needs KAFKA_SSL=true (credentials never go in clear)',
          );
      }
    } else if (username || password) {
      problems.push('KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD: set KAFKA_SASL_MECHANISM too');
    }
    const replicationFactor = integer('KAFKA_REPLICATION_FACTOR', 3, 1, 10);
    const minInsyncReplicas = integer(
      'KAFKA_MIN_INSYNC_REPLICAS',
      Math.min(2, replicationFactor),
      1,
      10,
    );
    if (minInsyncReplicas > replicationFactor) {
      problems.push('KAFKA_MIN_INSYNC_REPLICAS: must not exceed KAFKA_REPLICATION_FACTOR');
    }
    return {
      brokers: brokerList,
      topic: read('KAFKA_TOPIC') ?? 'kot.events',
      groupId: read('KAFKA_GROUP_ID') ?? 'kot-notifications',
      partitions: integer('KAFKA_PARTITIONS', 12, 1, 1000),
      replicationFactor,
      minInsyncReplicas,
      maxRequestBytes: integer('KAFKA_MAX_REQUEST_BYTES', 995_904, 10_000, 100_000_000),
      sendTimeoutMs: integer('KAFKA_SEND_TIMEOUT_MS', 30_000, 1_000, 300_000),
      consumerMaxAttempts: integer('KAFKA_CONSUMER_MAX_ATTEMPTS', 5, 1, 100),
      ssl: ssl === 'true',
      sasl,
    };
  }

  const rolesRaw = read('NOTIFICATIONS_ROLES');
  const roles = new Set<NotificationsRole>(
    rolesRaw ? [] : ['feed', 'timers', 'dispatcher', 'api', ...(kafka ? (['relay'] as const) : [])],
  );
  for (const role of (rolesRaw ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)) {
    if ((allRoles as readonly string[]).includes(role)) roles.add(role as NotificationsRole);
    else
      problems.push(`NOTIFICATIONS_ROLES: unknown role "${role}"; known: ${allRoles.join(', ')}`);
  }
  if (roles.has('relay') && !kafka) problems.push('NOTIFICATIONS_ROLES: relay needs KAFKA_BROKERS');

  const databaseUrl = read('NOTIFICATIONS_DATABASE_URL') ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('NOTIFICATIONS_DATABASE_URL: expected a postgres:// URL');
  }

  let recipients: RecipientEntry[] | null = null;
  const recipientsFile = read('RECIPIENTS_FILE');
  if (recipientsFile) {
    try {
      recipients = loadRecipientsFile(recipientsFile);
    } catch (error) {
      if (!(error instanceof RecipientsFileError)) throw error;
      problems.push(
        ...error.problems.map((problem) => `RECIPIENTS_FILE (${recipientsFile}): ${problem}`),
      );
    }
  }

  const config: NotificationsConfig = {
    email,
    webhookAddresses,
    webhookTimeoutMs: integer('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    deadlineScanIntervalMs: integer('DEADLINE_SCAN_INTERVAL_MS', 60_000, 1_000, 86_400_000),
    dispatchPollIntervalMs: integer('DISPATCH_POLL_INTERVAL_MS', 1_000, 10, 60_000),
    roles,
    kafka,
    databaseUrl,
    recipients,
  };
  if (problems.length > 0) throw new NotificationsConfigError(problems);
  return config;
}

/** An http(s) address a case path can be put after (no query string to cut it off). */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '';
  } catch {
    return false;
  }
}
