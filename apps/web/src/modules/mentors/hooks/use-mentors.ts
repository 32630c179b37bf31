import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  ConfirmCoachingSessionDocument,
  LogCoachingSessionDocument,
  MentorExpertiseTagsDocument,
  MentorStatsDocument,
  MyFounderSessionsDocument,
  MyMentorDeskDocument,
  RespondToFollowUpDocument,
  SetCoachingActionDoneDocument,
  type LogSessionInput,
} from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';

/** The expertise taxonomy and a function naming a tag in the UI language. */
export function useExpertiseTags(includeRetired = false) {
  const { language } = useLanguage();
  const result = useQuery(MentorExpertiseTagsDocument, { variables: { includeRetired }, fetchPolicy: 'cache-and-network' });
  const tags = result.data?.mentorExpertiseTags ?? [];
  const name = useCallback(
    (code: string) => {
      const tag = tags.find((t) => t.code === code);
      return tag ? (language === 'en' ? tag.nameEn : tag.nameZh) : code;
    },
    [tags, language],
  );
  return { tags, name, loading: result.loading && !result.data, refetch: result.refetch };
}

export function useMentorDesk() {
  const result = useQuery(MyMentorDeskDocument, { fetchPolicy: 'cache-and-network' });
  return { desk: result.data?.myMentorDesk ?? null, loading: result.loading && !result.data, error: result.error };
}

export function useLogSession() {
  const [mutate, state] = useMutation(LogCoachingSessionDocument, { refetchQueries: [MyMentorDeskDocument] });
  return { log: async (input: LogSessionInput) => (await mutate({ variables: { input } })).data?.logCoachingSession, logging: state.loading };
}

export function useRespondToFollowUp() {
  const [mutate, state] = useMutation(RespondToFollowUpDocument, { refetchQueries: [MyMentorDeskDocument] });
  return { respond: (id: string, accept: boolean) => mutate({ variables: { id, accept } }), responding: state.loading };
}

export function useActionDone() {
  const [mutate] = useMutation(SetCoachingActionDoneDocument, { refetchQueries: [MyMentorDeskDocument] });
  return (id: string, done: boolean) => mutate({ variables: { id, done } });
}

export function useFounderSessions() {
  const result = useQuery(MyFounderSessionsDocument, { fetchPolicy: 'cache-and-network' });
  return { sessions: result.data?.myFounderSessions ?? [], loading: result.loading && !result.data, error: result.error };
}

export function useConfirmSession() {
  const [mutate, state] = useMutation(ConfirmCoachingSessionDocument, { refetchQueries: [MyFounderSessionsDocument] });
  return { confirm: (id: string) => mutate({ variables: { id } }), confirming: state.loading };
}

export function useMentorStats(regionCode?: string) {
  const result = useQuery(MentorStatsDocument, { variables: { regionCode }, fetchPolicy: 'cache-and-network' });
  return { stats: result.data?.mentorStats ?? null, loading: result.loading && !result.data, error: result.error };
}
