/**
 * When to refresh ahead of expiry: a minute early for normal lifetimes, at three quarters of the
 * remaining time for short ones, never sooner than five seconds from now. Null when expiry is unknown.
 */
export function refreshDelay(expiresAt: number | null, now: number): number | null {
  if (expiresAt === null) return null;
  const remaining = expiresAt - now;
  return Math.max(5_000, remaining - 60_000, Math.floor(remaining * 0.75));
}
