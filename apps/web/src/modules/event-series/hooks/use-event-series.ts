import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateEventSeriesDocument,
  PeakSeasonsDocument,
  PreviewEventSeriesDocument,
  SetPeakSeasonsDocument,
  type CreateEventSeriesInput,
  type DateRangeInput,
  type SeriesPatternInput,
} from '../../../generated/graphql.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** How long the wizard waits after the last change before asking the API for a new preview. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The API's preview of a series: dates after holidays, moves and venue clashes. Asked for live as the
 * pattern changes (debounced); the last preview stays visible while the next one loads.
 */
export function useSeriesPreview(pattern: SeriesPatternInput | null, regionCode: string | null, venueId: string | null) {
  const request = useDebouncedValue({ pattern, regionCode, venueId }, PREVIEW_DEBOUNCE_MS);
  const settling = JSON.stringify(request) !== JSON.stringify({ pattern, regionCode, venueId });
  const result = useQuery(PreviewEventSeriesDocument, {
    variables: { pattern: request.pattern!, regionCode: request.regionCode, venueId: request.venueId },
    skip: !request.pattern,
    fetchPolicy: 'cache-and-network',
  });
  const preview = request.pattern ? (result.data?.previewEventSeries ?? result.previousData?.previewEventSeries ?? null) : null;
  return {
    preview,
    /** Waiting for the debounce or for the API. */
    loading: !!pattern && (settling || result.loading),
    error: request.pattern ? result.error : undefined,
    incomplete: !pattern,
  };
}

export function usePeakSeasons(year: number | null | undefined, regionCode: string | null | undefined) {
  const result = useQuery(PeakSeasonsDocument, {
    variables: { year: year ?? 0, regionCode: regionCode ?? '' },
    skip: !year || !regionCode,
    fetchPolicy: 'cache-and-network',
  });
  return { settings: result.data?.peakSeasons ?? null, loading: result.loading, error: result.error };
}

export function useSetPeakSeasons() {
  const [mutate, state] = useMutation(SetPeakSeasonsDocument);
  return {
    save: async (year: number, regionCode: string, ranges: DateRangeInput[]) =>
      (await mutate({ variables: { year, regionCode, ranges } })).data!.setPeakSeasons,
    saving: state.loading,
  };
}

export function useCreateEventSeries() {
  const [mutate, state] = useMutation(CreateEventSeriesDocument);
  return {
    create: async (input: CreateEventSeriesInput) => (await mutate({ variables: { input } })).data!.createEventSeries,
    creating: state.loading,
  };
}
