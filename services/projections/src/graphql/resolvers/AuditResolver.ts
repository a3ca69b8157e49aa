// For auditors: the hash-chain check, who read personal data, and the projections themselves.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../platformPort';
import { listPersonalDataReads } from '../../personalData/personalDataReads';
import { projections as definitions } from '../../projections';
import { findCaseSummary } from '../../queries/findCaseSummary';
import { integrityOfCase } from '../../views/integrityOfCase';
import { INTEGRITY_COST, PERSONAL_DATA_READS_COST, REBUILD_COST } from '../queryCosts';
import type { ReadSide } from '../readSide';
import { badInput, caseNotFound, onlyAuditors, onlyAuditorsAndAdmins } from '../refusals';
import { IntegrityReport, PersonalDataRead, ProjectionStatus, RebuildResult } from '../types/audit';

@Resolver()
export class AuditResolver {
  constructor(private readonly readSide: ReadSide) {}

  @Query(() => IntegrityReport, {
    description: "Checks the case's hash chain. Auditors only.",
    complexity: INTEGRITY_COST,
  })
  async verifyIntegrity(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IntegrityReport> {
    await this.requireAuditor(ctx);
    const { db, log, projections } = this.readSide;
    const summary = await findCaseSummary(db, projections.liveGeneration('case-summary'), id);
    const report = await integrityOfCase(log, id, summary);
    if (!report) throw caseNotFound();
    return report;
  }

  @Query(() => [PersonalDataRead], {
    description: 'Who read personal data of the case, when. Auditors only.',
    complexity: PERSONAL_DATA_READS_COST,
  })
  async personalDataReads(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonalDataRead[]> {
    await this.requireAuditor(ctx);
    return listPersonalDataReads(this.readSide.db, caseId);
  }

  @Query(() => [ProjectionStatus], {
    description: 'Generation, position and lag per projection. Auditors only.',
  })
  async projectionStatus(@Ctx() ctx: GraphQLContext): Promise<ProjectionStatus[]> {
    await this.requireAuditor(ctx);
    return this.readSide.projections.lag();
  }

  @Mutation(() => [RebuildResult], {
    description:
      'Rebuilds read models from position 0 beside the live ones and switches when caught up (all when none named). Auditors and platform administrators only.',
    complexity: REBUILD_COST,
  })
  async rebuildProjections(
    @Ctx() ctx: GraphQLContext,
    @Arg('projections', () => [String], { nullable: true }) names: string[] | null,
  ): Promise<RebuildResult[]> {
    const actor = await ctx.actor();
    if (actor.role !== 'auditor' && actor.role !== 'platform-admin') throw onlyAuditorsAndAdmins();
    const known = definitions.map((projection) => projection.name);
    const unknown = (names ?? []).filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw badInput(
        'projections',
        `onbekend: ${unknown.join(', ')}`,
        `unknown: ${unknown.join(', ')}; choose from ${known.join(', ')}`,
      );
    }
    return this.readSide.projections.rebuild(names ?? undefined);
  }

  private async requireAuditor(ctx: GraphQLContext): Promise<void> {
    const actor = await ctx.actor();
    if (actor.role !== 'auditor') throw onlyAuditors();
  }
}
