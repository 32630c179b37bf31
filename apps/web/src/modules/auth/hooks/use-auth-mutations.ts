import { useMutation } from '@apollo/client/react';
import {
  LoginDocument,
  RegisterEmployerDocument,
  RegisterSeekerDocument,
  type LoginInput,
  type RegisterEmployerInput,
  type RegisterSeekerInput,
} from '../../../generated/graphql.js';
import { useAuth } from './use-auth.js';

/** Sign in with phone or e-mail; on success the session starts and the returned user is cached. */
export function useLogin() {
  const { startSession } = useAuth();
  const [mutate, state] = useMutation(LoginDocument);
  const login = async (input: LoginInput) => {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('login returned no data');
    startSession(data.login);
    return data.login.user;
  };
  return { login, loading: state.loading };
}

export function useRegisterSeeker() {
  const { startSession } = useAuth();
  const [mutate, state] = useMutation(RegisterSeekerDocument);
  const register = async (input: RegisterSeekerInput) => {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('registerSeeker returned no data');
    startSession(data.registerSeeker);
    return data.registerSeeker.user;
  };
  return { register, loading: state.loading };
}

export function useRegisterEmployer() {
  const { startSession } = useAuth();
  const [mutate, state] = useMutation(RegisterEmployerDocument);
  const register = async (input: RegisterEmployerInput) => {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('registerEmployer returned no data');
    startSession(data.registerEmployer);
    return data.registerEmployer.user;
  };
  return { register, loading: state.loading };
}
