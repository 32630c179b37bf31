import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateQuotaDefinitionDocument,
  DeleteQuotaDefinitionDocument,
  MyQuotaLedgerExportsDocument,
  QuotaDashboardChartsDocument,
  QuotaDashboardDocument,
  QuotaDefinitionsDocument,
  QuotaEventsDocument,
  QuotaLedgerExportDocument,
  QuotaReportedFiguresDocument,
  ReportQuotaFigureDocument,
  RequestQuotaLedgerDocument,
  UpdateQuotaDefinitionDocument,
} from '../../../generated/graphql.js';

/** The dashboard of a region and year; figures are computed on each request, so reopening refreshes them. */
export function useQuotaDashboard(year: number, regionCode: string | undefined) {
  const result = useQuery(QuotaDashboardDocument, { variables: { year, regionCode: regionCode ?? null }, fetchPolicy: 'cache-and-network' });
  return { dashboard: result.data?.quotaDashboard ?? null, loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

/** The charts' series of a few quotas (the charted one and the cadence): asked apart so the cards come quickly. */
export function useQuotaCharts(year: number, regionCode: string | undefined, quotaIds: string[]) {
  const result = useQuery(QuotaDashboardChartsDocument, {
    variables: { year, regionCode: regionCode ?? null, quotaIds },
    skip: !quotaIds.length,
    fetchPolicy: 'cache-and-network',
  });
  return { quotas: result.data?.quotaDashboard.quotas ?? [], loading: result.loading && !result.data };
}

export interface EventsNarrowing {
  quotaId: string;
  regionCode?: string | null;
  month?: string | null;
  date?: string | null;
}

export function useQuotaEvents(narrow: EventsNarrowing | null, page: number) {
  const result = useQuery(QuotaEventsDocument, {
    variables: { quotaId: narrow?.quotaId ?? '', regionCode: narrow?.regionCode ?? null, month: narrow?.month ?? null, date: narrow?.date ?? null, take: 20, skip: (page - 1) * 20 },
    skip: !narrow,
    fetchPolicy: 'network-only',
  });
  return { page: result.data?.quotaEvents ?? null, loading: result.loading };
}

export function useQuotaDefinitions(year: number | null, regionCode: string | null) {
  const result = useQuery(QuotaDefinitionsDocument, { variables: { year, regionCode }, fetchPolicy: 'cache-and-network' });
  return { definitions: result.data?.quotaDefinitions ?? [], loading: result.loading && !result.data, refetch: result.refetch };
}

export function useQuotaDefinitionMutations() {
  const [create, c] = useMutation(CreateQuotaDefinitionDocument);
  const [update, u] = useMutation(UpdateQuotaDefinitionDocument);
  const [remove, d] = useMutation(DeleteQuotaDefinitionDocument);
  return { create, update, remove, saving: c.loading || u.loading || d.loading };
}

export function useReportedFigures(quotaId: string | null) {
  const result = useQuery(QuotaReportedFiguresDocument, { variables: { quotaId: quotaId ?? '' }, skip: !quotaId, fetchPolicy: 'cache-and-network' });
  return { figures: result.data?.quotaReportedFigures ?? [], loading: result.loading, refetch: result.refetch };
}

export function useReportFigure() {
  const [mutate, state] = useMutation(ReportQuotaFigureDocument);
  return { report: mutate, saving: state.loading };
}

export function useLedgerExports() {
  const recent = useQuery(MyQuotaLedgerExportsDocument, { fetchPolicy: 'cache-and-network' });
  const [request, state] = useMutation(RequestQuotaLedgerDocument);
  return { exports: recent.data?.myQuotaLedgerExports ?? [], refetch: recent.refetch, request, requesting: state.loading };
}

/** Follows one export until it is done or failed (polling its row: the job runs on the server's queue). */
export function useLedgerExport(id: string | null) {
  const result = useQuery(QuotaLedgerExportDocument, { variables: { id: id ?? '' }, skip: !id, pollInterval: 1000, fetchPolicy: 'network-only' });
  const exp = result.data?.quotaLedgerExport ?? null;
  if (exp && (exp.status === 'DONE' || exp.status === 'FAILED')) result.stopPolling();
  return exp;
}
