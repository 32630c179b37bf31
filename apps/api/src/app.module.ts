import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import depthLimit from 'graphql-depth-limit';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { SessionEventsModule } from './common/auth/session-events.js';
import { AuthGuard } from './common/auth/auth.guard.js';
import { PermissionsModule } from './common/permissions/permissions.module.js';
import { createValidationPipe } from './common/errors/validation.js';
import { formatGraphQLError } from './common/errors/format-error.js';
import { GraphQLErrorFilter } from './common/errors/graphql-error.filter.js';
import { errorLoggingPlugin } from './common/errors/error-logging.plugin.js';
import { complexityLimitPlugin } from './common/graphql/complexity.plugin.js';
import { StrictDateTimeScalar } from './common/graphql/date-time.scalar.js';
import { mutationLimitPlugin } from './common/graphql/mutation-limit.plugin.js';
import { AnswerCacheModule, PublicAnswerCache, PublicAnswerCacheMiddleware, publicQueryCachePlugin } from './common/graphql/public-query-cache.plugin.js';
import { createLoaders, type GraphQLContext } from './common/graphql/loaders.js';
import { FairFactsModule } from './common/fairs/fair-facts.js';
import { MeasuresModule } from './common/measures/measures.js';
import { RealtimeModule } from './common/realtime/realtime.module.js';
import { BroadcastsModule } from './modules/broadcasts/broadcasts.module.js';
import { JobsModule } from './common/jobs/jobs.module.js';
import { Metrics } from './common/metrics/metrics.js';
import { ConnectionErrorListener } from './database/connection-errors.js';
import { MetricsController } from './common/metrics/metrics.controller.js';
import { UnmaskedViewsModule } from './common/domain-events/unmasked-views.js';
import { RequestContextModule } from './common/request-context/request-context.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { TokensModule } from './modules/auth/tokens.module.js';
import { EmployersModule } from './modules/employers/employers.module.js';
import { HealthController } from './modules/health/health.controller.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { HolidaysModule } from './modules/holidays/holidays.module.js';
import { HolidayClashesModule } from './modules/holiday-clashes/holiday-clashes.module.js';
import { VenuesModule } from './modules/venues/venues.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { JobsAdminModule } from './modules/jobs-admin/jobs-admin.module.js';
import { BoothsModule } from './modules/booths/booths.module.js';
import { PostingsModule } from './modules/postings/postings.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { MentorsModule } from './modules/mentors/mentors.module.js';
import { QuotasModule } from './modules/quotas/quotas.module.js';
import { AttendanceModule } from './modules/attendance/attendance.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';

@Module({})
export class AppModule implements NestModule {
  /** The whole API for one configuration and one database URL (the embedded one or DATABASE_URL). */
  static forRoot(config: AppConfig, databaseUrl: string, opts: { logStream?: DestinationStream } = {}): DynamicModule {
    let schemaHost: GraphQLSchemaHost | undefined;
    const pinoOptions = {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req: { url?: string }) => ['/healthz', '/readyz'].includes(req.url ?? '') },
      transport: undefined,
    };
    // Tests may read the log lines; everywhere else pino writes to stdout.
    const destination = opts.logStream ?? pino.destination(1);
    const answerCache = new PublicAnswerCache(config.publicQueryCacheMs, config.callerQueryCacheMs, ['quotaDashboard']);
    const metrics = new Metrics();
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: [pinoOptions, destination] }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), logging: false }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource, GraphQLSchemaHost],
          useFactory: (ds: DataSource, host: GraphQLSchemaHost) => {
            schemaHost = host;
            return {
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTimeScalar }] },
              playground: false,
              introspection: !config.isProduction,
              plugins: [
                ...(config.isProduction ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
                // No HTTP cache hints are used; without this plugin Apollo stops wrapping every field resolver.
                ApolloServerPluginCacheControlDisabled(),
                complexityLimitPlugin(() => schemaHost!.schema, config.graphqlMaxComplexity),
                errorLoggingPlugin(pino({ level: config.logLevel }, destination)),
                mutationLimitPlugin(config.graphqlMaxMutationsPerRequest),
                publicQueryCachePlugin(['events', 'publicPostings', 'fairPostings', 'urgentOccupations'], answerCache),
                metrics.graphqlPlugin(),
              ],
              validationRules: [depthLimit(config.graphqlMaxDepth)],
              formatError: (formatted) => formatGraphQLError(formatted),
              // Keep the 503 a database outage sets (Nest would reset execution errors to 200).
              preserveHttpStatusForExecutionErrors: false,
              context: ({ req }: { req: GraphQLContext['req'] }): GraphQLContext => ({ req, loaders: createLoaders(ds) }),
            };
          },
        }),
        AnswerCacheModule.forRoot(answerCache),
        RequestContextModule,
        JobsModule,
        UnmaskedViewsModule,
        FairFactsModule,
        MeasuresModule,
        PermissionsModule,
        SessionEventsModule,
        RealtimeModule,
        TokensModule,
        RegionsModule,
        UsersModule,
        NotificationsModule,
        EmployersModule,
        AuthModule,
        VenuesModule,
        HolidaysModule,
        EventsModule,
        HolidayClashesModule,
        CalendarFeedsModule,
        PostingsModule,
        ApplicationsModule,
        MentorsModule,
        AuditModule,
        JobsAdminModule,
        BoothsModule,
        QuotasModule,
        AttendanceModule,
        PrivacyModule,
        BroadcastsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        { provide: Metrics, useValue: metrics },
        ConnectionErrorListener,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicAnswerCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}
