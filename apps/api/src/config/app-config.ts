import 'reflect-metadata';
import { readOrCreateJwtSecret, readOrCreateKeyFile } from './jwt-secret.js';
import { Type, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** The secret the tests sign with. Publicly known, so refused in every other mode. */
export const TEST_JWT_SECRET = 'leye-linyi-test-secret-known-to-everyone-never-use';
/** Keys the tests use for tickets and personal data (32 bytes each, base64url). Publicly known. */
export const TEST_TICKET_SIGNING_KEY = 'dGVzdC10aWNrZXQtc2lnbmluZy1rZXktMzItYnl0ZXM';
export const TEST_PERSONAL_DATA_KEY = 'dGVzdC1wZXJzb25hbC1kYXRhLWtleS0zMi1ieXRlcyE';
const KEY_32 = /^[A-Za-z0-9_-]{43}$/;
/** Secrets that have been published (the old development default): refused outside tests. */
const KNOWN_JWT_SECRETS = new Set(['leye-linyi-development-secret-change-me', TEST_JWT_SECRET]);

/**
 * The one typed, validated view of the environment. Nothing else reads `process.env`.
 * Variable names are the property names in SCREAMING_SNAKE_CASE (see ENV_NAMES).
 */
export class AppConfig {
  /** `npm start` and deployments run as production; `npm run dev` sets development; the tests set test. */
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'production';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  port = 3000;

  /** Unset: start an embedded PostgreSQL under `dataDir`. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  databaseUrl?: string = undefined;

  @IsString()
  dataDir = '.data';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  embeddedPgPort = 54320;

  /** Set: socket.io rooms are shared between API instances through Redis streams. */
  @IsOptional() @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  redisUrl?: string = undefined;

  /** Prefix of every Redis key and stream this instance uses (socket.io streams, rate limits, viewer counts): one per deployment sharing a Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,40}$/, { message: 'must be 1–40 letters, digits, :, _ or -' })
  redisKeyPrefix = 'leye';

  /** Livestream media server: RTMP ingest base (OBS "Server"), e.g. rtmp://media.example.cn:1935/live. Unset: hosts see only the stream key. */
  @IsOptional() @Matches(/^rtmps?:\/\/\S+$/, { message: 'must be an rtmp:// URL' })
  liveRtmpUrl?: string = undefined;

  /** Livestream media server: WHIP endpoint base; the stream key is appended as a path segment (MediaMTX: http://host:8889/<key>/whip). */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  liveWhipUrl?: string = undefined;

  /** Livestream media server: HLS base; a broadcast without its own playback URL plays <base>/<stream key>/index.m3u8. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  liveHlsUrl?: string = undefined;

  /**
   * Origins the viewer page may play video from besides LIVE_HLS_URL's (the Content-Security-Policy allows them in
   * media-src and connect-src), comma-separated, e.g. `https://live.example.cn,https://cdn.example.cn`. A broadcast's
   * own playback URL on another origin is refused by the browser until its origin is listed here.
   */
  @IsOptional() @Matches(/^https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*$/, { message: 'must be http(s):// origins separated by commas' })
  liveMediaOrigins?: string = undefined;

  /** Unset: a random secret is generated once and kept in `DATA_DIR/jwt-secret` (see loadRuntimeConfig). */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  jwtSecret?: string = undefined;

  /** Ed25519 seed that signs entry tickets (base64url, 32 bytes). Unset: generated once into `DATA_DIR/ticket-signing-key`. */
  @IsOptional() @Matches(KEY_32, { message: 'must be 32 bytes in base64url (43 characters)' })
  ticketSigningKey?: string = undefined;

  /** Id of the ticket signing key, written into every ticket (rotation: publish old and new public keys). */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1–32 letters, digits, _ or -' })
  ticketKeyId = 't1';

  /** AES-256-GCM key for resident ID numbers (base64url, 32 bytes). Unset: generated once into `DATA_DIR/personal-data-key`. */
  @IsOptional() @Matches(KEY_32, { message: 'must be 32 bytes in base64url (43 characters)' })
  personalDataKey?: string = undefined;

  /** Id of the personal-data key, stored beside each ciphertext (rotation). */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1–32 letters, digits, _ or -' })
  personalDataKeyId = 'p1';

  /**
   * Earlier personal-data keys, still needed to read rows not yet re-encrypted: `id:key` pairs separated by commas
   * (`p1:<43 chars>,p0:<43 chars>`). Drop one once `personalDataKeys` reports no row under it (docs/operations.md#key-rotation).
   */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43})*$/, { message: 'must be id:key pairs separated by commas (keys 32 bytes in base64url)' })
  personalDataOldKeys?: string = undefined;

  /** Rows the re-encryption job moves to the current key per transaction. */
  @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  personalDataRekeyBatch = 500;

  /** Applications (`applyToPosting`) one seeker may send per hour before the backoff (docs/development.md#rate-limits). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  applicationsPerUserPerHour = 60;

  /** Applications one client address may send per hour (all accounts together). */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000000)
  applicationsPerAddressPerHour = 300;

  /**
   * Check-in requests (scan uploads — a batch is one — and walk-ins) one station account may send per minute; shared
   * through Redis when set (docs/development.md#rate-limits). A handheld scanner at a busy gate sends about one a second.
   */
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000_000)
  checkinRequestsPerUserPerMinute = 1200;

  /** Check-in requests one client address may send per minute (every station behind a venue's router together). */
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000_000)
  checkinRequestsPerAddressPerMinute = 6000;

  /**
   * Bearer token for `GET /metrics`. Unset: only callers from loopback or private addresses (10/8, 172.16/12,
   * 192.168/16, fc00::/7) are served — the Prometheus scraper inside the cluster; set: every caller must send it.
   */
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  metricsToken?: string = undefined;

  /** The worker's (`dist/worker.js`) port for `GET /metrics` (and `/healthz`); 0 serves none. The API serves its own on PORT. */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  workerMetricsPort = 9464;

  /** Seconds; a few seconds only make sense in tests (sockets end when their token does). */
  @Type(() => Number) @IsInt() @Min(2) @Max(3600)
  accessTokenTtlSeconds = 900;

  @Type(() => Number) @IsInt() @Min(1) @Max(90)
  refreshTokenTtlDays = 30;

  @Type(() => Boolean) @IsBoolean()
  seedDemo = true;

  @IsOptional() @IsString()
  webDistDir?: string = undefined;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: string = 'info';

  /** Free sign-in attempts for one account from one address before the backoff starts. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  loginMaxFailures = 5;

  /** Free failed sign-ins for one account from all addresses together (distributed guessing). */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  loginMaxFailuresPerAccount = 20;

  /** Free failed sign-ins from one address across all accounts (password spraying). */
  @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  loginMaxFailuresPerAddress = 30;

  /** First wait once a limit is reached; it doubles with every further attempt. */
  @Type(() => Number) @IsInt() @Min(1) @Max(3600)
  loginBackoffSeconds = 60;

  /** The longest wait of the backoff. */
  @Type(() => Number) @IsInt() @Min(10) @Max(86400)
  loginFailureWindowSeconds = 900;

  /** New accounts (registerSeeker, registerEmployer) one address may create per hour. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  registrationsPerAddressPerHour = 20;

  /** How long an anonymous `events` answer is reused (ms); 0 turns the cache off. See docs/performance.md. */
  @Type(() => Number) @IsInt() @Min(0) @Max(60000)
  publicQueryCacheMs = 2000;

  /**
   * Express `trust proxy`: whose X-Forwarded-For is believed for the client address (`req.ip`, which the abuse limits
   * count by). `loopback` (a proxy on the same host); behind a proxy on the private network (compose's nginx,
   * a Kubernetes ingress) e.g. `loopback, uniquelocal` or its subnet `10.0.0.0/8` — never an address clients
   * reach the API from directly, or they could name any address.
   */
  @IsString() @Matches(/^[a-z0-9.:/, ]{1,200}$/i, { message: 'must be names (loopback, linklocal, uniquelocal), addresses or subnets separated by commas' })
  trustProxy = 'loopback';

  /**
   * How long a signed-in caller's own answer to the quota dashboard (`quotaDashboard`) is reused for that caller (ms);
   * 0 turns it off. Adds at most this much to the dashboard's staleness bound (docs/quotas.md#freshness-the-dashboard-cache).
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(5000)
  callerQueryCacheMs = 250;

  /** Root mutation fields one GraphQL operation may contain (aliases count). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  graphqlMaxMutationsPerRequest = 5;

  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  graphqlMaxDepth = 10;

  @Type(() => Number) @IsInt() @Min(10) @Max(100000)
  graphqlMaxComplexity = 2000;

  /** How far ahead series occurrences are materialised. */
  @Type(() => Number) @IsInt() @Min(1) @Max(60)
  seriesHorizonMonths = 12;

  /** Work the job queue in this process (the default); false: only enqueue, `npm run worker` works them. */
  @Type(() => Boolean) @IsBoolean()
  runWorkers = true;

  /** Run the scheduled jobs (horizon, auto-complete, pruning) where workers run; tests turn it off and call jobs directly. */
  @Type(() => Boolean) @IsBoolean()
  scheduledJobs = true;

  /** How often an idle worker asks the queue for jobs. */
  @Type(() => Number) @IsInt() @Min(500) @Max(60000)
  jobPollIntervalMs = 2000;

  /** Absolute base URL used in calendar-feed links; unset: taken from the request's Host. */
  @IsOptional() @Matches(/^https?:\/\/[^/]+$/, { message: 'must be an origin like https://leye.example.cn (no path)' })
  publicUrl?: string = undefined;

  /** Set: password reset codes can also be requested by e-mail (smtp://user:pass@host:587, smtps:// for TLS). Unset: off. */
  @IsOptional() @Matches(/^smtps?:\/\/[^/\s]+/, { message: 'must be an smtp:// or smtps:// URL like smtp://user:pass@host:587' })
  smtpUrl?: string = undefined;

  /** The sender of reset e-mails, e.g. "乐业临沂 <noreply@leye.example.cn>"; required with SMTP_URL. */
  @IsOptional() @Matches(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+(>)?$/, { message: 'must be an address like noreply@example.cn or "Name <noreply@example.cn>"' })
  smtpFrom?: string = undefined;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export const ENV_NAMES: Record<string, string> = Object.fromEntries(
  Object.keys(new AppConfig()).map((key) => [key, key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()]),
);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** Builds the config from an environment map; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  const defaults = new AppConfig();
  for (const [key, envName] of Object.entries(ENV_NAMES)) {
    const value = env[envName];
    if (value === undefined || value === '') continue;
    if (typeof (defaults as unknown as Record<string, unknown>)[key] === 'boolean') {
      const b = BOOLEAN_WORDS[value.toLowerCase()];
      if (b === undefined) problems.push(`${envName}: must be true or false (got "${value}")`);
      else raw[key] = b;
    } else {
      raw[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  for (const error of validateSync(config)) {
    const envName = ENV_NAMES[error.property] ?? error.property;
    const messages = Object.values(error.constraints ?? {}).map((m) => m.replace(new RegExp(`^${error.property} `), ''));
    problems.push(`${envName}: ${messages.join('; ')} (got "${String(error.value)}")`);
  }
  if (config.nodeEnv === 'test') {
    config.ticketSigningKey ??= TEST_TICKET_SIGNING_KEY;
    config.personalDataKey ??= TEST_PERSONAL_DATA_KEY;
  }
  if (config.nodeEnv === 'test') config.jwtSecret ??= TEST_JWT_SECRET;
  else if (config.jwtSecret && (KNOWN_JWT_SECRETS.has(config.jwtSecret) || /change-?me/i.test(config.jwtSecret))) {
    problems.push('JWT_SECRET: this secret is publicly known; set your own, or unset it to have one generated in DATA_DIR');
  }
  if (config.personalDataOldKeys) {
    for (const pair of config.personalDataOldKeys.split(',')) {
      if (pair.split(':')[0] === config.personalDataKeyId) problems.push(`PERSONAL_DATA_OLD_KEYS: key id ${config.personalDataKeyId} is the current key (PERSONAL_DATA_KEY_ID); an old key needs its own id`);
    }
  }
  if (config.smtpUrl && !config.smtpFrom) problems.push('SMTP_FROM: required when SMTP_URL is set (the sender of reset e-mails)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * The configuration the server runs with: loadConfig, plus the JWT secret. JWT_SECRET from the
 * environment wins; otherwise a random 48-byte secret is generated on first start and kept in
 * `DATA_DIR/jwt-secret` (mode 0600), so sessions survive restarts and no two installs share one.
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv): AppConfig {
  const config = loadConfig(env);
  config.jwtSecret ??= readOrCreateJwtSecret(config.dataDir);
  config.ticketSigningKey ??= readOrCreateKeyFile(config.dataDir, 'ticket-signing-key', 32);
  config.personalDataKey ??= readOrCreateKeyFile(config.dataDir, 'personal-data-key', 32);
  return config;
}
