import { sessionTokens } from './session-tokens.js';

/**
 * Downloads an export that needs the caller's bearer token (a plain link cannot send it): fetch it,
 * then hand the browser the file under the server's name. Shared by every feature's Excel/CSV downloads.
 */
export async function downloadExport(path: string, fallbackName: string): Promise<void> {
  const token = sessionTokens.getAccessToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`Export failed with HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
