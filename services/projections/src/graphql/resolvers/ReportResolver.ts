import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { isMunicipalityCode, reportScope, text } from '@kot/domain';
import type { GraphQLContext } from '../../platformPort';
import { buildReport } from '../../queries/buildReport';
import { REPORT_COST } from '../queryCosts';
import type { ReadSide } from '../readSide';
import { badInput, forbidden } from '../refusals';
import { ProcessReport } from '../types/report';

@Resolver()
export class ReportResolver {
  constructor(private readonly readSide: ReadSide) {}

  @Query(() => ProcessReport, {
    description: 'Counts for the whole process; officers see their own municipality.',
    complexity: REPORT_COST,
  })
  async report(
    @Ctx() ctx: GraphQLContext,
    @Arg('municipality', () => String, { nullable: true }) municipality: string | null,
  ): Promise<ProcessReport> {
    const actor = await ctx.actor();
    if (municipality && !isMunicipalityCode(municipality)) {
      throw badInput(
        'municipality',
        'verwacht GM gevolgd door vier cijfers',
        'expected GM followed by four digits',
      );
    }
    const scope = reportScope(actor, municipality ?? null);
    if (!scope.allowed) {
      throw forbidden(
        scope.reason === 'municipality'
          ? text(
              'U mag alleen het overzicht van uw eigen gemeente zien.',
              'You may only see the report of your own municipality.',
            )
          : text('U mag dit overzicht niet inzien.', 'You may not see this report.'),
      );
    }
    const { db, projections } = this.readSide;
    return buildReport(db, projections.liveGeneration('case-summary'), scope.municipality);
  }
}
