import path from 'node:path';

/** Configuration comes only from environment variables (documented in the README). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  dataDir: string;
  demoPassword: string;
  sessionSecret: string | undefined;
  secureCookies: boolean;
  loginLimitPerAccount: number;
  loginLimitPerIp: number;
  bodyLimitBytes: number;
  logLevel: string;
  webDir: string;
  /** the address residents and volunteers reach Linli at, for links printed in QR codes and feeds */
  publicUrl: string | undefined;
  /** how often the notice worker looks for due notices (LINLI_NOTICE_INTERVAL_MS, default 1000) */
  noticeIntervalMs: number;
}

const int = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    // 0 asks the system for a free port (the ready line names it).
    port: env.PORT === '0' ? 0 : int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dbPoolSize: int(env.LINLI_DB_POOL_SIZE, 20),
    dataDir: path.resolve(env.LINLI_DATA_DIR || './data'),
    demoPassword: env.LINLI_DEMO_PASSWORD || 'linli-demo',
    sessionSecret: env.SESSION_SECRET || undefined,
    secureCookies: env.LINLI_SECURE_COOKIES === '1',
    loginLimitPerAccount: int(env.LINLI_LOGIN_LIMIT_PER_ACCOUNT, 10),
    loginLimitPerIp: int(env.LINLI_LOGIN_LIMIT_PER_IP, 100),
    bodyLimitBytes: int(env.LINLI_BODY_LIMIT_BYTES, 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    webDir: path.resolve(env.LINLI_WEB_DIR || 'dist/web'),
    publicUrl: env.LINLI_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    noticeIntervalMs: int(env.LINLI_NOTICE_INTERVAL_MS, 1000),
  };
}
