/** Values the reset page takes from its URL (the link in a reset e-mail): `?login=<e-mail>&code=<code>`. */
export interface ResetPrefill {
  login?: string;
  code?: string;
}

/** Reads `login` and `code`, trimmed, ignoring empty or implausibly long values (the form validates the rest). */
export function resetPrefill(search: URLSearchParams): ResetPrefill {
  const take = (name: string, max: number) => {
    const value = search.get(name)?.trim();
    return value && value.length <= max ? value : undefined;
  };
  const out: ResetPrefill = {};
  const login = take('login', 200);
  const code = take('code', 40);
  if (login) out.login = login;
  if (code) out.code = code;
  return out;
}
