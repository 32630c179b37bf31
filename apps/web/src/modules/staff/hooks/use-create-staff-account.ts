import { useMutation } from '@apollo/client/react';
import { CreateStaffAccountDocument, type CreateStaffAccountInput } from '../../../generated/graphql.js';

export function useCreateStaffAccount() {
  const [mutate, state] = useMutation(CreateStaffAccountDocument);
  const create = async (input: CreateStaffAccountInput) => (await mutate({ variables: { input } })).data?.createStaffAccount;
  return { create, creating: state.loading };
}
