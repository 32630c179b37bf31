/** Splits text around the given fragments (case-insensitive), so flagged phrases can be highlighted. */
export function splitHighlights(text: string, fragments: readonly string[]): Array<{ text: string; hit: boolean }> {
  const wanted = [...new Set(fragments.filter((f) => f.trim()))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return [{ text, hit: false }];
  const pattern = new RegExp(`(${wanted.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, hit: wanted.some((f) => f.toLowerCase() === part.toLowerCase()) }));
}
