/**
 * Where the session's tokens live: the access token only in memory (gone on reload, never readable
 * from storage by injected scripts), the rotating refresh token in localStorage so a reload can resume.
 */
export const REFRESH_TOKEN_STORAGE_KEY = 'leye.refreshToken';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Listener = (accessToken: string | null) => void;

export class SessionTokens {
  private accessToken: string | null = null;
  private accessTokenExpiresAt: number | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: StorageLike | null) {}

  getAccessToken(): string | null {
    return this.accessToken;
  }

  /** Milliseconds since epoch when the access token stops working, if known. */
  getAccessTokenExpiresAt(): number | null {
    return this.accessTokenExpiresAt;
  }

  getRefreshToken(): string | null {
    try {
      return this.storage?.getItem(REFRESH_TOKEN_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** Store a fresh pair; refresh tokens rotate, so the old one is always replaced. */
  set(pair: TokenPair): void {
    this.accessToken = pair.accessToken;
    const expires = Date.parse(pair.accessTokenExpiresAt);
    this.accessTokenExpiresAt = Number.isNaN(expires) ? null : expires;
    try {
      this.storage?.setItem(REFRESH_TOKEN_STORAGE_KEY, pair.refreshToken);
    } catch {
      // Storage full or disabled: the session then ends with the tab.
    }
    this.emit();
  }

  clear(): void {
    const had = this.accessToken !== null;
    this.accessToken = null;
    this.accessTokenExpiresAt = null;
    try {
      this.storage?.removeItem(REFRESH_TOKEN_STORAGE_KEY);
    } catch {
      // Nothing to remove if storage is unavailable.
    }
    if (had) this.emit();
  }

  /** Called with the new access token whenever it changes (null when the session ends). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.accessToken);
  }
}

function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const sessionTokens = new SessionTokens(browserStorage());
