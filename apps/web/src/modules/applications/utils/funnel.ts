/** The hiring funnel's stages in order (an application counts in every stage up to the furthest it reached). */
export const FUNNEL_STAGES = ['submitted', 'viewed', 'interview', 'offer', 'hired'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** The share of applications that reached `stage`, in whole per cent (0 when there are none). */
export function conversion(funnel: Record<FunnelStage, number>, stage: FunnelStage): number {
  return funnel.submitted > 0 ? Math.round((funnel[stage] / funnel.submitted) * 100) : 0;
}
