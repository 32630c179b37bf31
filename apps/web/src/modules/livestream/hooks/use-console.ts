import { useMutation, useQuery } from '@apollo/client/react';
import {
  AddChatKeywordDocument,
  BroadcastApplicationsDocument,
  BroadcastModerationDocument,
  ChatKeywordsDocument,
  EndBroadcastDocument,
  LiftChatRestrictionDocument,
  LiveBroadcastDocument,
  PushBroadcastCardDocument,
  RemoveChatKeywordDocument,
  ReorderBroadcastCardsDocument,
  SetBroadcastAnnouncementDocument,
  StartBroadcastDocument,
} from '../../../generated/graphql.js';

/** The GraphQL side of the host console (the socket side is `useLiveBroadcast`). */
export function useConsoleData(id: string) {
  const broadcast = useQuery(LiveBroadcastDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const can = broadcast.data?.broadcast.viewerCan;
  const host = !!can?.host;
  const manage = !!can?.manage;
  const applications = useQuery(BroadcastApplicationsDocument, {
    variables: { broadcastId: id, take: 30, skip: 0 },
    fetchPolicy: 'cache-and-network',
    skip: !can?.stats,
  });
  const moderation = useQuery(BroadcastModerationDocument, { variables: { broadcastId: id }, fetchPolicy: 'cache-and-network', skip: !host });
  const keywords = useQuery(ChatKeywordsDocument, { fetchPolicy: 'cache-and-network', skip: !manage });
  const [start, starting] = useMutation(StartBroadcastDocument);
  const [end, ending] = useMutation(EndBroadcastDocument);
  const [pushCard] = useMutation(PushBroadcastCardDocument);
  const [reorder, reordering] = useMutation(ReorderBroadcastCardsDocument);
  const [announce, announcing] = useMutation(SetBroadcastAnnouncementDocument);
  const [lift] = useMutation(LiftChatRestrictionDocument, { refetchQueries: [BroadcastModerationDocument] });
  const [addKeyword] = useMutation(AddChatKeywordDocument, { refetchQueries: [ChatKeywordsDocument, BroadcastModerationDocument] });
  const [removeKeyword] = useMutation(RemoveChatKeywordDocument, { refetchQueries: [ChatKeywordsDocument, BroadcastModerationDocument] });
  return {
    broadcast,
    applications,
    moderation,
    keywords,
    start,
    starting: starting.loading,
    end,
    ending: ending.loading,
    pushCard,
    reorder,
    reordering: reordering.loading,
    announce,
    announcing: announcing.loading,
    lift,
    addKeyword,
    removeKeyword,
  };
}
