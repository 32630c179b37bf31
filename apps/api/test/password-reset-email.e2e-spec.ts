import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { STRONG_PASSWORD, uniqueEmail } from './support/factories.js';

const REQUEST = `mutation($email: String!) { requestPasswordResetEmail(email: $email) }`;
const AVAILABLE = `{ passwordResetByEmailAvailable }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPasswordWithCode(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const NEW_PASSWORD = 'Yimeng#2026new';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The text body of a single-part message: quoted-printable or base64 as nodemailer chose, decoded to UTF-8. */
function textOf(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const unfolded = head!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text };
}

describe('password reset by e-mail', () => {
  let smtp: SMTPServer;
  let port: number;
  const inbox: Received[] = [];
  let t: TestApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'leye' && auth.password === 'mail-secret') callback(null, { user: 'leye' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ SMTP_URL: `smtp://leye:mail-secret@127.0.0.1:${port}`, SMTP_FROM: '乐业临沂 <noreply@leye.example.test>' });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  // Every request comes from 127.0.0.1: each test starts with no throttle history.
  beforeEach(() => t.ds.query(`DELETE FROM request_throttle WHERE key LIKE 'reset-%'`));

  async function seeker(locale?: string) {
    const email = uniqueEmail('mailreset');
    const res = await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { user { id } } }`, {
      input: { displayName: '孙同学', email, password: STRONG_PASSWORD },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const id = res.data!.registerSeeker.user.id as string;
    if (locale) await t.ds.query(`UPDATE app_user SET locale = $2 WHERE id = $1`, [id, locale]);
    return { email, id };
  }
  const mailTo = (email: string) => eventually(async () => {
    const found = inbox.filter((m) => m.to.includes(email));
    if (!found.length) throw new Error(`no mail to ${email} yet`);
    return found;
  });
  const codeIn = (text: string) => /\b([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})\b/.exec(text)![1]!;

  it('says e-mail reset is available when SMTP is configured', async () => {
    expect((await t.gql(AVAILABLE)).data).toEqual({ passwordResetByEmailAvailable: true });
  });

  it('e-mails a code in Chinese that resets the password once, with a link that fills the reset page', async () => {
    const me = await seeker();
    const res = await t.post({ query: REQUEST, variables: { email: me.email.toUpperCase() } });
    expect(res.body).toEqual({ data: { requestPasswordResetEmail: true } });
    const [mail] = await mailTo(me.email);
    expect(mail!.from).toBe('noreply@leye.example.test');
    const { subject, text } = textOf(mail!.raw);
    expect(subject).toBe('乐业临沂：密码重置码');
    expect(text).toContain('24 小时内有效');
    const code = codeIn(text);
    expect(text).toContain(`${t.baseUrl}/reset-password?login=${encodeURIComponent(me.email)}&code=${code}`);

    expect((await t.gql(RESET, { input: { login: me.email, code, newPassword: NEW_PASSWORD } })).data).toEqual({ resetPasswordWithCode: true });
    const login = await t.gql(LOGIN, { input: { login: me.email, password: NEW_PASSWORD } });
    expect(login.data!.login.user.id).toBe(me.id);
    const again = await t.gql(RESET, { input: { login: me.email, code, newPassword: 'Another#2026pw' } });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RESET_CODE' });

    const rows = await t.ds.query(`SELECT issued_by, used_at IS NOT NULL AS used, round(extract(epoch FROM expires_at - created_at) / 3600)::int AS ttl_hours FROM password_reset_code WHERE user_id = $1`, [me.id]);
    expect(rows).toEqual([{ issued_by: null, used: true, ttl_hours: 24 }]);
    await eventually(async () => {
      const actions = (await t.ds.query(`SELECT action FROM audit_log WHERE resource_id = $1`, [me.id])).map((r: { action: string }) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['password.reset_code_emailed', 'password.reset']));
    });
  });

  it('writes in English to an account that chose English', async () => {
    const me = await seeker('en');
    await t.gql(REQUEST, { email: me.email });
    const { subject, text } = textOf((await mailTo(me.email))[0]!.raw);
    expect(subject).toBe('Leye Linyi: your password reset code');
    expect(text).toContain('expires in 24 hours');
    expect(codeIn(text)).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  });

  it('answers an unknown or deactivated address exactly as a known one, and sends nothing', async () => {
    const known = await seeker();
    const disabled = await seeker();
    await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    const unknown = uniqueEmail('nobody');
    const a = await t.post({ query: REQUEST, variables: { email: unknown } });
    const b = await t.post({ query: REQUEST, variables: { email: disabled.email } });
    const c = await t.post({ query: REQUEST, variables: { email: known.email } });
    expect([a.status, b.status]).toEqual([c.status, c.status]);
    expect(a.body).toEqual(c.body);
    expect(b.body).toEqual(c.body);
    await mailTo(known.email); // sent after the other two were answered
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.filter((m) => m.to.includes(unknown) || m.to.includes(disabled.email))).toEqual([]);
    expect(await t.ds.query(`SELECT 1 FROM password_reset_code WHERE user_id = $1`, [disabled.id])).toEqual([]);
  });

  it('a newer e-mailed code replaces the earlier one', async () => {
    const me = await seeker();
    await t.gql(REQUEST, { email: me.email });
    const first = codeIn(textOf((await mailTo(me.email))[0]!.raw).text);
    await t.gql(REQUEST, { email: me.email });
    const second = await eventually(async () => {
      const mails = await mailTo(me.email);
      if (mails.length < 2) throw new Error('second mail not yet');
      return codeIn(textOf(mails[1]!.raw).text);
    });
    const old = await t.gql(RESET, { input: { login: me.email, code: first, newPassword: NEW_PASSWORD } });
    expect(old.errors![0]!.extensions).toMatchObject({ reason: 'INVALID_RESET_CODE' });
    expect((await t.gql(RESET, { input: { login: me.email, code: second, newPassword: NEW_PASSWORD } })).data).toEqual({ resetPasswordWithCode: true });
  });

  it('throttles per e-mail address (3 free) and per client address (5 free), known or not', async () => {
    const target = uniqueEmail('flood');
    const reasons = [];
    for (let i = 0; i < 4; i++) reasons.push((await t.gql(REQUEST, { email: target })).errors?.[0]?.extensions?.reason ?? 'OK');
    expect(reasons).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_RESET_EMAILS']);
    const limited = await t.gql(REQUEST, { email: target });
    expect(limited.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_RESET_EMAILS', params: { minutes: expect.any(Number) } });
    // 5 attempts from this address so far: the next different address is refused too.
    const other = await t.gql(REQUEST, { email: uniqueEmail('other') });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_RESET_EMAILS' });
  });

  it('refuses a malformed address', async () => {
    const bad = await t.gql(REQUEST, { email: 'not-an-address' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('password reset by e-mail without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is reported unavailable and refused', async () => {
    expect((await t.gql(AVAILABLE)).data).toEqual({ passwordResetByEmailAvailable: false });
    const res = await t.gql(REQUEST, { email: uniqueEmail() });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMAIL_RESET_UNAVAILABLE' });
  });
});
