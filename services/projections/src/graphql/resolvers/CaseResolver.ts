// One case: its detail now, as it stood at a moment, and its history. Access follows the
// domain's mayView on the stored case; a case the actor may not see is "not found".
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  CommandRefused,
  caseAccessOf,
  mayView,
  text,
  type Actor,
  type ViewLevel as DomainViewLevel,
} from '@kot/domain';
import type { GraphQLContext } from '../../platformPort';
import { recordPersonalDataRead } from '../../personalData/personalDataReads';
import { findCaseSummary, type StoredCase } from '../../queries/findCaseSummary';
import { listCaseHistory } from '../../queries/listCaseHistory';
import { caseViewOf } from '../../views/caseViewOf';
import { foldCaseFromLog } from '../../views/foldCaseFromLog';
import { smiPolicyOf } from '../../views/smiPolicyOf';
import { personalFieldsSelected } from '../personalSelection';
import { HISTORY_COST, caseAsOfCost, caseCost } from '../queryCosts';
import type { ReadSide } from '../readSide';
import { caseNotFound } from '../refusals';
import { HistoryEntry } from '../types/audit';
import { CaseAsOf, CaseView } from '../types/caseView';
import { TimeAxis } from '../types/enums';
import { DateTime } from '../types/scalars';

@Resolver()
export class CaseResolver {
  constructor(private readonly readSide: ReadSide) {}

  @Query(() => CaseView, {
    description:
      'A case now: status, eligibility, next step, funding; personal fields at PERSONAL level.',
    complexity: caseCost,
  })
  async case(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseView> {
    const { actor, stored, level } = await this.visibleCase(ctx, id);
    const now = this.readSide.clock().toISOString();
    const wanted = level === 'personal' ? personalFieldsSelected(info) : [];
    if (wanted.length > 0) {
      const full = await foldCaseFromLog(this.readSide.store, id, { personal: true });
      // The log may be ahead of the read model: its newest state decides what may be shown.
      if (full && mayView(actor, caseAccessOf(full.state)) === 'personal') {
        await this.recordRead(ctx, actor, id, wanted, 'case', now);
        const policy = await smiPolicyOf(this.readSide.store, full.state.municipality);
        return caseViewOf(full.state, 'personal', now, full.revision, policy);
      }
    }
    const policy = await smiPolicyOf(this.readSide.store, stored.state.municipality);
    return caseViewOf(stored.state, level, now, stored.revision, policy);
  }

  @Query(() => CaseAsOf, {
    description:
      'The case as the platform knew it at `at` (RECORDED) or as it stood then (BUSINESS), with the rules evaluated at that moment.',
    complexity: caseAsOfCost,
  })
  async caseAsOf(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => DateTime) at: Date | string,
    @Arg('timeAxis', () => TimeAxis, { defaultValue: TimeAxis.RECORDED }) timeAxis: TimeAxis,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseAsOf> {
    const { actor, level } = await this.visibleCase(ctx, id);
    const moment = new Date(at).toISOString();
    const wanted = level === 'personal' ? personalFieldsSelected(info) : [];
    const folded = await foldCaseFromLog(this.readSide.store, id, {
      until: { at: moment, axis: timeAxis === TimeAxis.BUSINESS ? 'business' : 'recorded' },
      personal: wanted.length > 0,
    });
    if (!folded) {
      throw new CommandRefused(
        'not-found',
        text(
          'De zaak bestond op dat moment nog niet.',
          'The case did not exist yet at that moment.',
        ),
      );
    }
    if (wanted.length > 0) {
      await this.recordRead(
        ctx,
        actor,
        id,
        wanted,
        'caseAsOf',
        this.readSide.clock().toISOString(),
      );
    }
    const policy = await smiPolicyOf(this.readSide.store, folded.state.municipality);
    return {
      ...caseViewOf(folded.state, level, moment, folded.revision, policy),
      at: moment,
      eventCount: folded.eventCount,
    };
  }

  @Query(() => [HistoryEntry], {
    description:
      'Every event of the case: type, actor, role, organisation, business and recorded time.',
    complexity: HISTORY_COST,
  })
  async caseHistory(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HistoryEntry[]> {
    await this.visibleCase(ctx, id);
    const { db, projections } = this.readSide;
    return listCaseHistory(db, projections.liveGeneration('case-history'), id);
  }

  private async visibleCase(
    ctx: GraphQLContext,
    id: string,
  ): Promise<{ actor: Actor; stored: StoredCase; level: Exclude<DomainViewLevel, 'none'> }> {
    const actor = await ctx.actor();
    const { db, projections } = this.readSide;
    const stored = await findCaseSummary(db, projections.liveGeneration('case-summary'), id);
    if (!stored) throw caseNotFound();
    const level = mayView(actor, caseAccessOf(stored.state));
    if (level === 'none') throw caseNotFound();
    return { actor, stored, level };
  }

  /** Auditors' reads of personal data are recorded before the data is shown. */
  private async recordRead(
    ctx: GraphQLContext,
    actor: Actor,
    caseId: string,
    what: string[],
    query: string,
    readAt: string,
  ): Promise<void> {
    if (actor.role !== 'auditor') return;
    await recordPersonalDataRead(this.readSide.db, {
      caseId,
      actor,
      what,
      query,
      correlationId: ctx.correlationId,
      readAt,
    });
  }
}
