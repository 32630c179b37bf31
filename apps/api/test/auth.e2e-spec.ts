import { createTestApp, type TestApp } from './support/test-app.js';
import { REGISTER_EMPLOYER, STRONG_PASSWORD, registerEmployer, uniqueEmail, uniquePhone, validCreditCode } from './support/factories.js';

const REGISTER_SEEKER = `
  mutation($input: RegisterSeekerInput!) {
    registerSeeker(input: $input) { accessToken refreshToken user { id role email phone } }
  }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id role } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id } } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;
const ME = `{ me { id role displayName email region { code } employer { id status } } }`;

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a seeker by e-mail and by phone, and each can read "me"', async () => {
    const email = uniqueEmail('Seeker').toUpperCase();
    const byEmail = await t.gql(REGISTER_SEEKER, { input: { displayName: '赵同学', email, password: STRONG_PASSWORD } });
    expect(byEmail.errors).toBeUndefined();
    expect(byEmail.data!.registerSeeker.user).toMatchObject({ role: 'SEEKER', email: email.toLowerCase() });
    const phone = uniquePhone();
    const byPhone = await t.gql(REGISTER_SEEKER, { input: { displayName: '钱同学', phone, password: STRONG_PASSWORD } });
    expect(byPhone.data!.registerSeeker.user).toMatchObject({ role: 'SEEKER', phone });
    const me = await t.gql(ME, {}, byPhone.data!.registerSeeker.accessToken);
    expect(me.data!.me).toMatchObject({ role: 'SEEKER', displayName: '钱同学' });
    const login = await t.gql(LOGIN, { input: { login: phone, password: STRONG_PASSWORD } });
    expect(login.data!.login.user.id).toBe(byPhone.data!.registerSeeker.user.id);
  });

  it('registers an employer as PENDING in its region and logs its member in', async () => {
    const { input, token } = await registerEmployer(t, { regionCode: '371312', creditCode: validCreditCode('371312') });
    const me = await t.gql(ME, {}, token);
    expect(me.data!.me).toMatchObject({ role: 'EMPLOYER', region: { code: '371312' }, employer: { status: 'PENDING' } });
    const login = await t.gql(LOGIN, { input: { login: input.email, password: STRONG_PASSWORD } });
    expect(login.data!.login.user.role).toBe('EMPLOYER');
  });

  it('rejects a credit code with a wrong check character, naming the field, and stores nothing', async () => {
    const good = validCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const email = uniqueEmail('bad');
    const res = await t.gql(REGISTER_EMPLOYER, {
      input: { displayName: '李', email, password: STRONG_PASSWORD, employerName: '校验失败有限公司', creditCode: bad, regionCode: '371302' },
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions).toMatchObject({ reason: 'CREDIT_CODE_CHECKSUM', fields: { creditCode: 'CREDIT_CODE_CHECKSUM' } });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]);
    expect(n).toBe(0);
  });

  it('rejects a credit code of the wrong length or alphabet', async () => {
    for (const creditCode of ['91371302MA3C0000', '91371302MA3C0000IO']) {
      const res = await t.gql(REGISTER_EMPLOYER, {
        input: { displayName: '李', email: uniqueEmail(), password: STRONG_PASSWORD, employerName: '某公司', creditCode, regionCode: '371302' },
      });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { creditCode: expect.any(String) } });
    }
  });

  it('rejects weak passwords with a message for the password field', async () => {
    for (const password of ['short1A', 'alllowercaseletters', '12345678901']) {
      const res = await t.gql(REGISTER_SEEKER, { input: { displayName: '弱', email: uniqueEmail(), password } });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: expect.any(String) } });
    }
  });

  it('needs an e-mail or a phone, and validates their shape', async () => {
    const none = await t.gql(REGISTER_SEEKER, { input: { displayName: '无', password: STRONG_PASSWORD } });
    expect(none.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const badPhone = await t.gql(REGISTER_SEEKER, { input: { displayName: '无', phone: '12345', password: STRONG_PASSWORD } });
    expect(badPhone.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { phone: expect.any(String) } });
  });

  it('lets only one of several simultaneous sign-ups with one e-mail through', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(REGISTER_SEEKER, { input: { displayName: '抢', email, password: STRONG_PASSWORD } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(5);
  });

  it('lets only one employer register a given credit code, even at the same moment', async () => {
    const creditCode = validCreditCode();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.gql(REGISTER_EMPLOYER, {
          input: { displayName: `经理${i}`, email: uniqueEmail(), password: STRONG_PASSWORD, employerName: `同码公司${i}`, creditCode, regionCode: '371302' },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', fields: { creditCode: expect.any(String) } });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE employer_id IN (SELECT id FROM employer WHERE credit_code = $1)`, [creditCode]);
    expect(n).toBe(1);
  });

  it('answers the same for an unknown account and a wrong password', async () => {
    const email = uniqueEmail('known');
    await t.gql(REGISTER_SEEKER, { input: { displayName: '甲', email, password: STRONG_PASSWORD } });
    const wrong = await t.gql(LOGIN, { input: { login: email, password: 'Wrong#Pass99' } });
    const unknown = await t.gql(LOGIN, { input: { login: uniqueEmail('nobody'), password: 'Wrong#Pass99' } });
    expect(wrong.errors![0]).toEqual(unknown.errors![0]);
    expect(wrong.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('throttles an account after repeated failures, even for the right password', async () => {
    const email = uniqueEmail('throttle');
    await t.gql(REGISTER_SEEKER, { input: { displayName: '乙', email, password: STRONG_PASSWORD } });
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      const r = await t.gql(LOGIN, { input: { login: email, password: `Wrong#Pass${i}x` } });
      expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.gql(LOGIN, { input: { login: email, password: STRONG_PASSWORD } });
    expect(blocked.errors![0]!.extensions!.code).toBe('TOO_MANY_REQUESTS');
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the whole session', async () => {
    const email = uniqueEmail('rotate');
    const reg = await t.gql(REGISTER_SEEKER, { input: { displayName: '丙', email, password: STRONG_PASSWORD } });
    const first = reg.data!.registerSeeker.refreshToken as string;
    const second = await t.gql(REFRESH, { t: first });
    expect(second.errors).toBeUndefined();
    const secondToken = second.data!.refreshSession.refreshToken as string;
    expect(secondToken).not.toBe(first);
    const third = await t.gql(REFRESH, { t: secondToken });
    expect(third.errors).toBeUndefined();
    // The first token is presented again: theft is assumed and the family dies.
    const reuse = await t.gql(REFRESH, { t: first });
    expect(reuse.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const afterReuse = await t.gql(REFRESH, { t: third.data!.refreshSession.refreshToken });
    expect(afterReuse.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // A separate login is a separate family and still works.
    const login = await t.gql(LOGIN, { input: { login: email, password: STRONG_PASSWORD } });
    expect((await t.gql(REFRESH, { t: login.data!.login.refreshToken })).errors).toBeUndefined();
  });

  it('lets one of two simultaneous refreshes of the same token win', async () => {
    const reg = await t.gql(REGISTER_SEEKER, { input: { displayName: '丁', email: uniqueEmail(), password: STRONG_PASSWORD } });
    const token = reg.data!.registerSeeker.refreshToken;
    const results = await Promise.all([t.gql(REFRESH, { t: token }), t.gql(REFRESH, { t: token })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
  });

  it('logs out by revoking the session', async () => {
    const reg = await t.gql(REGISTER_SEEKER, { input: { displayName: '戊', email: uniqueEmail(), password: STRONG_PASSWORD } });
    const token = reg.data!.registerSeeker.refreshToken;
    expect((await t.gql(LOGOUT, { t: token })).data!.logout).toBe(true);
    expect((await t.gql(REFRESH, { t: token })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous and forged callers', async () => {
    expect((await t.gql(ME)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, 'not-a-jwt')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const reg = await t.gql(REGISTER_SEEKER, { input: { displayName: '己', email: uniqueEmail(), password: STRONG_PASSWORD } });
    const [h, p] = (reg.data!.registerSeeker.accessToken as string).split('.');
    const forged = `${h}.${p}.${Buffer.from('forged-signature').toString('base64url')}`;
    expect((await t.gql(ME, {}, forged)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('stores passwords as argon2id hashes', async () => {
    const email = uniqueEmail('hash');
    await t.gql(REGISTER_SEEKER, { input: { displayName: '庚', email, password: STRONG_PASSWORD } });
    const [{ password_hash }] = await t.ds.query(`SELECT password_hash FROM app_user WHERE email = $1`, [email]);
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });
});

/** Posts as the client `address`: the app trusts X-Forwarded-For from loopback only, as behind its own proxy. */
async function gqlFrom(t: TestApp, address: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any> | null; errors?: Array<{ extensions?: Record<string, unknown> }> };
}

let addressSeq = 0;
const freshAddress = () => `203.0.113.${(addressSeq = (addressSeq % 250) + 1)}`;
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A small per-address limit keeps the spraying test short; the others use a fresh address each.
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
  });
  afterAll(() => t.close());

  it('checks at most the limit of 40 parallel wrong passwords; the rest are refused unchecked', async () => {
    const email = uniqueEmail('parallel');
    await t.gql(REGISTER_SEEKER, { input: { displayName: '并发', email, password: STRONG_PASSWORD } });
    const address = freshAddress();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => gqlFrom(t, address, LOGIN, { input: { login: email, password: `Wrong#Pass${i}x` } })));
    const checked = results.filter((r) => codeOf(r) === 'UNAUTHENTICATED').length;
    expect(checked).toBeLessThanOrEqual(t.config.loginMaxFailures);
    expect(results.filter((r) => codeOf(r) === 'TOO_MANY_REQUESTS')).toHaveLength(40 - checked);
  });

  it('counts e-mail and phone of one account together', async () => {
    const email = uniqueEmail('both');
    const phone = uniquePhone();
    await t.gql(REGISTER_SEEKER, { input: { displayName: '两种', email, phone, password: STRONG_PASSWORD } });
    const address = freshAddress();
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      const r = await gqlFrom(t, address, LOGIN, { input: { login: i % 2 ? phone : email, password: `Wrong#Pass${i}x` } });
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await gqlFrom(t, address, LOGIN, { input: { login: phone, password: STRONG_PASSWORD } }))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await gqlFrom(t, address, LOGIN, { input: { login: email, password: STRONG_PASSWORD } }))).toBe('TOO_MANY_REQUESTS');
  });

  it('does not let a stranger lock the owner out: the owner signs in from another address', async () => {
    const email = uniqueEmail('owner');
    await t.gql(REGISTER_SEEKER, { input: { displayName: '主人', email, password: STRONG_PASSWORD } });
    const stranger = freshAddress();
    const tries = await Promise.all(Array.from({ length: 12 }, (_, i) => gqlFrom(t, stranger, LOGIN, { input: { login: email, password: `Guess#Pass${i}x` } })));
    expect(tries.some((r) => codeOf(r) === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(codeOf(await gqlFrom(t, stranger, LOGIN, { input: { login: email, password: STRONG_PASSWORD } }))).toBe('TOO_MANY_REQUESTS');
    const owner = await gqlFrom(t, freshAddress(), LOGIN, { input: { login: email, password: STRONG_PASSWORD } });
    expect(owner.errors).toBeUndefined();
    expect(owner.data!.login.user.id).toEqual(expect.any(String));
  });

  it('limits one address across many accounts (password spraying)', async () => {
    const address = freshAddress();
    const limit = t.config.loginMaxFailuresPerAddress;
    const results = [];
    for (let i = 0; i <= limit; i++) results.push(await gqlFrom(t, address, LOGIN, { input: { login: uniqueEmail(`spray${i}`), password: 'Wrong#Pass99' } }));
    expect(results.slice(0, limit).every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    expect(codeOf(results[limit]!)).toBe('TOO_MANY_REQUESTS');
  });
});

describe('registration limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3' });
  });
  afterAll(() => t.close());

  it('refuses more than five root mutations in one request, creating nothing', async () => {
    const emails = Array.from({ length: 500 }, (_, i) => uniqueEmail(`alias${i}`));
    const fields = emails.map((e, i) => `r${i}: registerSeeker(input: { displayName: "别名", email: "${e}", password: "${STRONG_PASSWORD}" }) { accessToken }`);
    const res = await gqlFrom(t, freshAddress(), `mutation { ${fields.join('\n')} }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email = ANY($1)`, [emails]);
    expect(n).toBe(0);
    const five = emails.slice(0, 5).map((e, i) => `r${i}: login(input: { login: "${e}", password: "Wrong#Pass99" }) { accessToken }`);
    expect(codeOf(await gqlFrom(t, freshAddress(), `mutation { ${five.join('\n')} }`))).toBe('UNAUTHENTICATED');
  });

  it('creates at most the hourly number of accounts per address, even in parallel', async () => {
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => gqlFrom(t, address, REGISTER_SEEKER, { input: { displayName: `注册${i}`, email: uniqueEmail(`reg${i}`), password: STRONG_PASSWORD } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => codeOf(r) === 'TOO_MANY_REQUESTS')).toHaveLength(5);
    const employer = await gqlFrom(t, address, REGISTER_EMPLOYER, {
      input: { displayName: '经理', email: uniqueEmail(), password: STRONG_PASSWORD, employerName: '限流公司', creditCode: validCreditCode(), regionCode: '371302' },
    });
    expect(codeOf(employer)).toBe('TOO_MANY_REQUESTS');
    const elsewhere = await gqlFrom(t, freshAddress(), REGISTER_SEEKER, { input: { displayName: '别处', email: uniqueEmail(), password: STRONG_PASSWORD } });
    expect(elsewhere.errors).toBeUndefined();
  });
});
