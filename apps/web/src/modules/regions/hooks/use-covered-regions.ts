import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { CoveredRegionsDocument } from '../../../generated/graphql.js';

/** Codes of the regions the viewer covers, as the API answers them; undefined while loading. */
export function useCoveredRegionCodes(): string[] | undefined {
  const { data } = useQuery(CoveredRegionsDocument, { fetchPolicy: 'cache-first' });
  return useMemo(() => data?.coveredRegions.map((r) => r.code), [data]);
}
