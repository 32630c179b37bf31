import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CITY_REGION_CODE, LINYI_REGIONS } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { QuotaDashboardCache } from './quota-dashboard.cache.js';
import { QuotaDefinitionsService } from './quota-definitions.service.js';
import { QuotaEventsService } from './quota-events.service.js';
import { QuotaLedgerService, toLedgerExportType } from './quota-ledger.service.js';
import { QuotaProgressService, toDefinitionType } from './quota-progress.service.js';
import {
  QuotaDashboardArgs,
  QuotaDashboardType,
  QuotaDefinitionInput,
  QuotaDefinitionsArgs,
  QuotaDefinitionType,
  QuotaEventPageType,
  QuotaEventsArgs,
  QuotaFiguresArgs,
  QuotaIdArgs,
  QuotaLedgerExportType,
  QuotaReportedFigureType,
  ReportQuotaFigureInput,
  RequestLedgerInput,
  UpdateQuotaDefinitionArgs,
} from './quota.types.js';

/** The caller's home region for quota views: its own, the city for admins. */
const homeRegion = (actor: Actor): string => (actor.role === 'ADMIN' ? CITY_REGION_CODE : (actor.regionCode ?? CITY_REGION_CODE));

@Resolver()
export class QuotasResolver {
  constructor(
    private readonly definitions: QuotaDefinitionsService,
    private readonly progress: QuotaProgressService,
    private readonly events: QuotaEventsService,
    private readonly ledgers: QuotaLedgerService,
    private readonly permissions: Permissions,
    private readonly cache: QuotaDashboardCache,
  ) {}

  @Query(() => QuotaDashboardType, { description: "Every quota of a region for a year with its progress, trend, cadence and county comparison. County organizers: their county only." })
  async quotaDashboard(@CurrentActor() actor: Actor, @Args() { year, regionCode, quotaIds }: QuotaDashboardArgs): Promise<QuotaDashboardType> {
    const region = regionCode ?? homeRegion(actor);
    this.permissions.require(actor, 'quota.view', { regionCode: region });
    // Figures at most DASHBOARD_MAX_STALE_MS old, computed once per (region, year) at a time (docs/quotas.md "Freshness").
    const core = await this.cache.get(QuotaDashboardCache.key(region, year), () => this.progress.dashboard(year, region));
    const only = quotaIds ? new Set(quotaIds) : null;
    return {
      year,
      regionCode: region,
      ...core,
      quotas: only ? core.quotas.filter((q) => only.has(q.definition.id)) : core.quotas,
      drillDownRegions: LINYI_REGIONS.filter((r) => r.code !== region && this.permissions.can(actor, 'quota.view', { regionCode: r.code })).map((r) => r.code),
    };
  }

  @Query(() => QuotaEventPageType, { description: 'The events behind a quota figure (click-through): a region inside the quota region, a month or a day narrow it.' })
  async quotaEvents(@CurrentActor() actor: Actor, @Args() args: QuotaEventsArgs): Promise<QuotaEventPageType> {
    const def = await this.definitions.get(args.quotaId);
    const region = args.regionCode ?? (def.regionCode === CITY_REGION_CODE ? homeRegion(actor) : def.regionCode);
    // A county inside the quota's region, or the region itself; the caller must cover it.
    if (region !== def.regionCode && def.regionCode !== CITY_REGION_CODE) throw notFound('QUOTA_NOT_FOUND');
    this.permissions.require(actor, 'quota.view', { regionCode: region });
    const ids = await this.events.eventIds(def, region, { ...(args.month ? { month: args.month } : {}), ...(args.date ? { date: args.date } : {}) });
    return { items: await this.events.rows(ids.slice(args.skip, args.skip + args.take), def.params), total: ids.length };
  }

  @Query(() => [QuotaDefinitionType], { description: 'Quota definitions of a region (staff covering it).' })
  async quotaDefinitions(@CurrentActor() actor: Actor, @Args() { year, regionCode }: QuotaDefinitionsArgs): Promise<QuotaDefinitionType[]> {
    const region = regionCode ?? homeRegion(actor);
    this.permissions.require(actor, 'quota.view', { regionCode: region });
    return (await this.definitions.list({ ...(year ? { year } : {}), regionCodes: [region] })).map(toDefinitionType);
  }

  @Allow('quota.manage')
  @Mutation(() => QuotaDefinitionType, { description: 'Adds a quota definition (admins); audited.' })
  async createQuotaDefinition(@CurrentActor() actor: Actor, @Args('input') input: QuotaDefinitionInput): Promise<QuotaDefinitionType> {
    const def = await this.definitions.create(input, actor.id);
    this.cache.invalidate();
    return toDefinitionType(def);
  }

  @Allow('quota.manage')
  @Mutation(() => QuotaDefinitionType, { description: 'Changes a definition or its target (admins; optimistic lock on version); audited with before and after.' })
  async updateQuotaDefinition(@CurrentActor() actor: Actor, @Args() { id, version, input }: UpdateQuotaDefinitionArgs): Promise<QuotaDefinitionType> {
    const def = await this.definitions.update(id, version, input, actor.id);
    this.cache.invalidate();
    return toDefinitionType(def);
  }

  @Allow('quota.manage')
  @Mutation(() => Boolean, { description: 'Deletes a definition with its reported figures and alerts (admins); audited.' })
  async deleteQuotaDefinition(@Args() { id }: QuotaIdArgs): Promise<boolean> {
    const done = await this.definitions.delete(id);
    this.cache.invalidate();
    return done;
  }

  @Query(() => [QuotaReportedFigureType], { description: "A reported quota's monthly figures with their sources." })
  async quotaReportedFigures(@CurrentActor() actor: Actor, @Args() { quotaId }: QuotaFiguresArgs): Promise<QuotaReportedFigureType[]> {
    const def = await this.definitions.get(quotaId);
    if (!this.permissions.can(actor, 'quota.view', def)) throw actor ? notFound('QUOTA_NOT_FOUND') : forbidden();
    return this.definitions.figures(quotaId);
  }

  @Mutation(() => QuotaReportedFigureType, { description: 'Enters or replaces the figure of a month for a reported quota (organizers of its region, admins); audited.' })
  async reportQuotaFigure(@CurrentActor() actor: Actor, @Args('input') input: ReportQuotaFigureInput): Promise<QuotaReportedFigureType> {
    const def = await this.definitions.get(input.quotaId);
    if (!this.permissions.can(actor, 'quota.view', def)) throw notFound('QUOTA_NOT_FOUND');
    this.permissions.require(actor, 'quota.report', def);
    const figure = await this.definitions.report(def, input, actor.id);
    this.cache.invalidate();
    return figure;
  }

  @Mutation(() => QuotaLedgerExportType, { description: 'Starts building a ledger (台账) workbook on the job queue; follow it with quotaLedgerExport.' })
  async requestQuotaLedger(@CurrentActor() actor: Actor, @Args('input') input: RequestLedgerInput): Promise<QuotaLedgerExportType> {
    this.permissions.require(actor, 'quota.export', { regionCode: input.regionCode });
    return toLedgerExportType(await this.ledgers.request(input, actor.id));
  }

  @Query(() => QuotaLedgerExportType, { description: 'A ledger export: status, progress and the download link once done.' })
  async quotaLedgerExport(@CurrentActor() actor: Actor, @Args() { id }: QuotaIdArgs): Promise<QuotaLedgerExportType> {
    const exp = await this.ledgers.get(id);
    if (!this.permissions.can(actor, 'quota.readExport', exp)) throw notFound('LEDGER_EXPORT_NOT_FOUND');
    return toLedgerExportType(exp);
  }

  @Allow('quota.listExports')
  @Query(() => [QuotaLedgerExportType], { description: "The caller's ten latest ledger exports." })
  async myQuotaLedgerExports(@CurrentActor() actor: Actor): Promise<QuotaLedgerExportType[]> {
    return (await this.ledgers.mine(actor.id)).map(toLedgerExportType);
  }
}
