// The booth browser tests' shared set-up, through the real GraphQL API: sign-in tokens, verified employers
// of 兰山区 and a published job fair on a fresh floor plan with booth booking open now.
import { randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@leye/domain';
import { DEMO_PASSWORD, graphqlData } from './app-fixture.mjs';

export const REGION = '371302'; // 兰山区
export const ORGANIZER = 'lanshan.organizer@leye.demo';
export const EMPLOYER = 'employer@leye.demo';

/** A valid unified social credit code of an employer registered in `division`. */
export function creditCode(division = REGION) {
  let body = `91${division}`;
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}

/** GraphQL helpers bound to one fixture: `gql(query, variables, token)` and `tokenOf(login, password)`. */
export function boothApi(fixture) {
  const gql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);
  const tokenOf = async (login, password = DEMO_PASSWORD) =>
    (await gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login, password } })).login.accessToken;
  return { gql, tokenOf };
}

/** Registers an employer of 兰山区 with one member (`login` / `password`) and has the organizer verify it. */
export async function registerVerifiedEmployer(fixture, organizerToken, { login, password, name, displayName }) {
  const { gql } = boothApi(fixture);
  const { registerEmployer } = await gql(
    `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { user { employer { id } } } }`,
    { i: { creditCode: creditCode(REGION), employerName: name, displayName, email: login, password, regionCode: REGION } },
  );
  await gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: registerEmployer.user.employer.id }, organizerToken);
  return registerEmployer.user.employer.id;
}

/**
 * A new floor plan (`booths`, as BoothInput) on the first venue of 兰山区, a published job fair there on a random day
 * of `month` (2028-MM, 09:00–12:00), and its booth booking open since an hour ago until `closesAt` with at most one
 * booth per employer (plus `settings`). Answers the ids: { venueId, layoutId, eventId, boothIds: code → id }.
 */
export async function createBoothFair(fixture, organizerToken, { layoutName, width, height, booths, title, month, capacity, closesAt, settings = {} }) {
  const { gql } = boothApi(fixture);
  const { venues } = await gql(`query { venues(regionCode: "${REGION}") { id name } }`, {}, organizerToken);
  if (!venues.length) throw new Error('the demo data has no venue in 兰山区');
  const venueId = venues[0].id;
  const { createVenueLayout: layout } = await gql(
    `mutation($i: CreateVenueLayoutInput!) { createVenueLayout(input: $i) { id version } }`,
    { i: { venueId, name: layoutName, width, height } },
    organizerToken,
  );
  const { saveLayoutBooths } = await gql(
    `mutation($l: ID!, $v: Int!, $b: [BoothInput!]!) { saveLayoutBooths(layoutId: $l, version: $v, booths: $b) { booths { id code } } }`,
    { l: layout.id, v: layout.version, b: booths },
    organizerToken,
  );
  const day = 10 + randomInt(0, 15);
  const { createEvent } = await gql(
    `mutation($i: EventInput!) { createEvent(input: $i, publish: true) { id } }`,
    {
      i: {
        title, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: REGION, isOnline: false, venueId, capacity,
        startsAt: `2028-${month}-${day}T09:00:00+08:00`, endsAt: `2028-${month}-${day}T12:00:00+08:00`,
        registrationOpensAt: `2028-${String(Number(month) - 1).padStart(2, '0')}-01T08:00:00+08:00`, registrationClosesAt: `2028-${month}-${day}T09:00:00+08:00`,
      },
    },
    organizerToken,
  );
  await gql(
    `mutation($i: FairBoothSettingsInput!) { configureFairBooths(input: $i) { eventId } }`,
    { i: { eventId: createEvent.id, layoutId: layout.id, opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: closesAt(day), maxBoothsPerEmployer: 1, ...settings } },
    organizerToken,
  );
  return { venueId, layoutId: layout.id, eventId: createEvent.id, boothIds: Object.fromEntries(saveLayoutBooths.booths.map((b) => [b.code, b.id])) };
}
