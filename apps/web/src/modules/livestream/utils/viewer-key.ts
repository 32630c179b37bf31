const STORAGE_KEY = 'leye.liveViewerKey';
const PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A random id this browser keeps for broadcasts (not a login): the API counts unique viewers, watch minutes
 * and card impressions per key across reconnects. Falls back to a per-page key when storage is blocked.
 */
export function liveViewerKey(): string {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept && PATTERN.test(kept)) return kept;
    const fresh = randomKey();
    localStorage.setItem(STORAGE_KEY, fresh);
    return fresh;
  } catch {
    return (pageKey ??= randomKey());
  }
}

let pageKey: string | undefined;

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
