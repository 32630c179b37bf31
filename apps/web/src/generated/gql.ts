/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SessionUser on User {\n  id\n  role\n  displayName\n  email\n  phone\n  locale\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...SessionUser\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterSeeker($input: RegisterSeekerInput!) {\n  registerSeeker(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterEmployer($input: RegisterEmployerInput!) {\n  registerEmployer(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": typeof types.SessionUserFragmentDoc,
    "fragment EmployerFields on Employer {\n  id\n  name\n  creditCode\n  status\n  rejectionReason\n  reviewedAt\n  contactName\n  contactPhone\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nquery MyEmployer {\n  myEmployer {\n    ...EmployerFields\n  }\n}\n\nquery Employers($filter: EmployerFilter, $take: Int!, $skip: Int!) {\n  employers(filter: $filter, take: $take, skip: $skip) {\n    total\n    items {\n      ...EmployerFields\n    }\n  }\n}\n\nquery Employer($id: ID!) {\n  employer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation VerifyEmployer($id: ID!) {\n  verifyEmployer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation RejectEmployer($id: ID!, $reason: String!) {\n  rejectEmployer(id: $id, reason: $reason) {\n    ...EmployerFields\n  }\n}": typeof types.EmployerFieldsFragmentDoc,
    "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  link\n  readAt\n  createdAt\n}\n\nquery Notifications($unreadOnly: Boolean!, $take: Int!, $skip: Int!) {\n  notifications(unreadOnly: $unreadOnly, take: $take, skip: $skip) {\n    total\n    unreadCount\n    items {\n      ...NotificationFields\n    }\n  }\n}\n\nmutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}\n\nmutation MarkAllNotificationsRead {\n  markAllNotificationsRead\n}": typeof types.NotificationFieldsFragmentDoc,
    "mutation UpdateMyProfile($input: UpdateProfileInput!) {\n  updateMyProfile(input: $input) {\n    ...SessionUser\n  }\n}": typeof types.UpdateMyProfileDocument,
    "fragment RegionFields on Region {\n  code\n  name\n  nameEn\n  level\n  parentCode\n}": typeof types.RegionFieldsFragmentDoc,
    "mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n  createStaffAccount(input: $input) {\n    id\n    role\n    displayName\n    email\n    phone\n    region {\n      ...RegionFields\n    }\n  }\n}": typeof types.CreateStaffAccountDocument,
};
const documents: Documents = {
    "fragment SessionUser on User {\n  id\n  role\n  displayName\n  email\n  phone\n  locale\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...SessionUser\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterSeeker($input: RegisterSeekerInput!) {\n  registerSeeker(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterEmployer($input: RegisterEmployerInput!) {\n  registerEmployer(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": types.SessionUserFragmentDoc,
    "fragment EmployerFields on Employer {\n  id\n  name\n  creditCode\n  status\n  rejectionReason\n  reviewedAt\n  contactName\n  contactPhone\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nquery MyEmployer {\n  myEmployer {\n    ...EmployerFields\n  }\n}\n\nquery Employers($filter: EmployerFilter, $take: Int!, $skip: Int!) {\n  employers(filter: $filter, take: $take, skip: $skip) {\n    total\n    items {\n      ...EmployerFields\n    }\n  }\n}\n\nquery Employer($id: ID!) {\n  employer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation VerifyEmployer($id: ID!) {\n  verifyEmployer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation RejectEmployer($id: ID!, $reason: String!) {\n  rejectEmployer(id: $id, reason: $reason) {\n    ...EmployerFields\n  }\n}": types.EmployerFieldsFragmentDoc,
    "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  link\n  readAt\n  createdAt\n}\n\nquery Notifications($unreadOnly: Boolean!, $take: Int!, $skip: Int!) {\n  notifications(unreadOnly: $unreadOnly, take: $take, skip: $skip) {\n    total\n    unreadCount\n    items {\n      ...NotificationFields\n    }\n  }\n}\n\nmutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}\n\nmutation MarkAllNotificationsRead {\n  markAllNotificationsRead\n}": types.NotificationFieldsFragmentDoc,
    "mutation UpdateMyProfile($input: UpdateProfileInput!) {\n  updateMyProfile(input: $input) {\n    ...SessionUser\n  }\n}": types.UpdateMyProfileDocument,
    "fragment RegionFields on Region {\n  code\n  name\n  nameEn\n  level\n  parentCode\n}": types.RegionFieldsFragmentDoc,
    "mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n  createStaffAccount(input: $input) {\n    id\n    role\n    displayName\n    email\n    phone\n    region {\n      ...RegionFields\n    }\n  }\n}": types.CreateStaffAccountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  role\n  displayName\n  email\n  phone\n  locale\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...SessionUser\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterSeeker($input: RegisterSeekerInput!) {\n  registerSeeker(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterEmployer($input: RegisterEmployerInput!) {\n  registerEmployer(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  role\n  displayName\n  email\n  phone\n  locale\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...SessionUser\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterSeeker($input: RegisterSeekerInput!) {\n  registerSeeker(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RegisterEmployer($input: RegisterEmployerInput!) {\n  registerEmployer(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EmployerFields on Employer {\n  id\n  name\n  creditCode\n  status\n  rejectionReason\n  reviewedAt\n  contactName\n  contactPhone\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nquery MyEmployer {\n  myEmployer {\n    ...EmployerFields\n  }\n}\n\nquery Employers($filter: EmployerFilter, $take: Int!, $skip: Int!) {\n  employers(filter: $filter, take: $take, skip: $skip) {\n    total\n    items {\n      ...EmployerFields\n    }\n  }\n}\n\nquery Employer($id: ID!) {\n  employer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation VerifyEmployer($id: ID!) {\n  verifyEmployer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation RejectEmployer($id: ID!, $reason: String!) {\n  rejectEmployer(id: $id, reason: $reason) {\n    ...EmployerFields\n  }\n}"): (typeof documents)["fragment EmployerFields on Employer {\n  id\n  name\n  creditCode\n  status\n  rejectionReason\n  reviewedAt\n  contactName\n  contactPhone\n  createdAt\n  region {\n    ...RegionFields\n  }\n}\n\nquery MyEmployer {\n  myEmployer {\n    ...EmployerFields\n  }\n}\n\nquery Employers($filter: EmployerFilter, $take: Int!, $skip: Int!) {\n  employers(filter: $filter, take: $take, skip: $skip) {\n    total\n    items {\n      ...EmployerFields\n    }\n  }\n}\n\nquery Employer($id: ID!) {\n  employer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation VerifyEmployer($id: ID!) {\n  verifyEmployer(id: $id) {\n    ...EmployerFields\n  }\n}\n\nmutation RejectEmployer($id: ID!, $reason: String!) {\n  rejectEmployer(id: $id, reason: $reason) {\n    ...EmployerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  link\n  readAt\n  createdAt\n}\n\nquery Notifications($unreadOnly: Boolean!, $take: Int!, $skip: Int!) {\n  notifications(unreadOnly: $unreadOnly, take: $take, skip: $skip) {\n    total\n    unreadCount\n    items {\n      ...NotificationFields\n    }\n  }\n}\n\nmutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}\n\nmutation MarkAllNotificationsRead {\n  markAllNotificationsRead\n}"): (typeof documents)["fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  link\n  readAt\n  createdAt\n}\n\nquery Notifications($unreadOnly: Boolean!, $take: Int!, $skip: Int!) {\n  notifications(unreadOnly: $unreadOnly, take: $take, skip: $skip) {\n    total\n    unreadCount\n    items {\n      ...NotificationFields\n    }\n  }\n}\n\nmutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}\n\nmutation MarkAllNotificationsRead {\n  markAllNotificationsRead\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMyProfile($input: UpdateProfileInput!) {\n  updateMyProfile(input: $input) {\n    ...SessionUser\n  }\n}"): (typeof documents)["mutation UpdateMyProfile($input: UpdateProfileInput!) {\n  updateMyProfile(input: $input) {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RegionFields on Region {\n  code\n  name\n  nameEn\n  level\n  parentCode\n}"): (typeof documents)["fragment RegionFields on Region {\n  code\n  name\n  nameEn\n  level\n  parentCode\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n  createStaffAccount(input: $input) {\n    id\n    role\n    displayName\n    email\n    phone\n    region {\n      ...RegionFields\n    }\n  }\n}"): (typeof documents)["mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n  createStaffAccount(input: $input) {\n    id\n    role\n    displayName\n    email\n    phone\n    region {\n      ...RegionFields\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;