import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * Reads the secret kept in `dataDir/jwt-secret`, or writes a new one (48 random bytes, base64url)
 * readable by the owner only. `wx` makes a concurrent first start keep whichever secret was written first.
 */
export function readOrCreateJwtSecret(dataDir: string): string {
  const dir = resolve(dataDir);
  const file = join(dir, JWT_SECRET_FILE);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Tighten a file someone loosened by hand: the secret signs every session.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to have a new one generated`);
  return secret;
}

/**
 * The same for other secrets kept beside it (ticket signing seed, personal-data key): `bytes` random
 * bytes, base64url, in `dataDir/<file>` (0600), written once and reused.
 */
export function readOrCreateKeyFile(dataDir: string, fileName: string, bytes: number): string {
  const dir = resolve(dataDir);
  const file = join(dir, fileName);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(bytes).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
