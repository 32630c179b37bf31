import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { ApplyFromBroadcastDocument, type BroadcastCardVia } from '../../../generated/graphql.js';

const STORAGE_KEY = 'leye.liveApplied';

function loadApplied(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/**
 * One-tap apply from a job card (`applyFromBroadcast`, idempotent on the server). The cards this browser
 * applied to are remembered so the button says "applied" after a reload too; the server stays the judge.
 */
export function useApplyFromCard(via: BroadcastCardVia) {
  const [mutate, state] = useMutation(ApplyFromBroadcastDocument);
  const [applied, setApplied] = useState<Set<string>>(loadApplied);
  const apply = useCallback(
    async (cardId: string, contact?: { name: string; phone: string }) => {
      const res = await mutate({ variables: { input: { cardId, via, ...(contact ?? {}) } } });
      const result = res.data?.applyFromBroadcast;
      if (result) {
        setApplied((prev) => {
          const next = new Set(prev).add(cardId);
          try {
            localStorage.setItem(STORAGE_KEY, JSON.stringify([...next].slice(-200)));
          } catch {
            /* storage blocked: the state still shows it */
          }
          return next;
        });
      }
      return result ?? null;
    },
    [mutate, via],
  );
  return { apply, applying: state.loading, applied };
}
