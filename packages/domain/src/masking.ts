/** Personal data is masked wherever a list shows it: keep just enough to recognise it. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = phone.trim();
  if (p.length < 7) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  const s = id.trim();
  if (s.length < 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  if (!domain || !local) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}
