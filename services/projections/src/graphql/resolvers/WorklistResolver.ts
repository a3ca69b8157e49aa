import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { caseNumberOf, caseStatuses, isMunicipalityCode, takesProcessSteps } from '@kot/domain';
import { familyLookup, type FamilyLookup } from '../../personalData/familyLookup';
import type { GraphQLContext } from '../../platformPort';
import { caseListCursorParts, listCases } from '../../queries/listCases';
import {
  listWorklist,
  worklistCursorParts,
  type WorklistSelection,
} from '../../queries/listWorklist';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../paging';
import { fieldSelected } from '../personalSelection';
import type { ReadSide } from '../readSide';
import { badInput } from '../refusals';
import { WorklistAudience, WorklistScope, WorklistSort } from '../types/enums';
import {
  CaseFilterInput,
  CaseListItem,
  CasePage,
  WorklistItem,
  WorklistPage,
} from '../types/lists';

const searchArgument = {
  nullable: true,
  description:
    'Part of a name or a BSN (readers who may see personal data; every such search is recorded), or the start of a case number.',
} as const;

/** Search texts longer than this are refused: no name or number is this long. */
const MAX_SEARCH_LENGTH = 100;

function checkedSearch(search: string | null): string | null {
  if (search && search.length > MAX_SEARCH_LENGTH) {
    throw badInput(
      'search',
      `gebruik ten hoogste ${MAX_SEARCH_LENGTH} tekens`,
      `use at most ${MAX_SEARCH_LENGTH} characters`,
    );
  }
  return search?.trim() || null;
}

/**
 * A list's rows with their case number and, for readers who may see it, the family name. Names are
 * read from the log, a page at a time, and only when the page shows them.
 */
async function labelled<Item extends { caseId: string }>(
  lookup: FamilyLookup,
  info: GraphQLResolveInfo,
  rows: readonly Item[],
  levelOf: (item: Item) => 'summary' | 'personal',
): Promise<Array<Item & { caseNumber: string; familyName: string | null }>> {
  const names = fieldSelected(info, 'items.familyName')
    ? await lookup.familyNamesOf(rows.map((row) => ({ caseId: row.caseId, level: levelOf(row) })))
    : new Map<string, string>();
  return rows.map((row) => ({
    ...row,
    caseNumber: caseNumberOf(row.caseId),
    familyName: names.get(row.caseId) ?? null,
  }));
}

const selections: Record<WorklistScope, WorklistSelection> = {
  [WorklistScope.MINE]: 'mine',
  [WorklistScope.ORGANISATION]: 'organisation',
  [WorklistScope.COLLEAGUES]: 'colleagues',
};

@Resolver()
export class WorklistResolver {
  constructor(private readonly readSide: ReadSide) {}

  @Query(() => WorklistPage, {
    description:
      "Your next steps and your organisation's (and overdue steps escalated to your role), most urgent first.",
  })
  async worklist(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('scope', () => WorklistScope, { defaultValue: WorklistScope.ORGANISATION })
    scope: WorklistScope,
    @Arg('audiences', () => [WorklistAudience], {
      nullable: true,
      description: 'Only these kinds of step (all when left out), e.g. [OFFERED] for offers.',
    })
    audiences: WorklistAudience[] | null,
    @Arg('sort', () => WorklistSort, { defaultValue: WorklistSort.URGENCY }) sort: WorklistSort,
    @Arg('search', () => String, searchArgument) search: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorklistPage> {
    const actor = await ctx.actor();
    const page = pageRequest(first, after, worklistCursorParts);
    const searched = checkedSearch(search);
    if (!takesProcessSteps(actor.role)) {
      return { items: [], pageInfo: { endCursor: null, hasNextPage: false } };
    }
    const { db, projections, store, clock } = this.readSide;
    const lookup = familyLookup(
      { store, db, clock, correlationId: ctx.correlationId },
      actor,
      searched,
    );
    const result = await listWorklist(db, projections.liveGeneration('case-summary'), {
      actor,
      ...page,
      selection: selections[scope],
      audiences: audiences && audiences.length > 0 ? audiences : null,
      sort,
      keep: lookup.keep,
    });
    const items = await labelled(lookup, info, result.items, (item) => item.level);
    await lookup.recordReads(items, 'worklist');
    return {
      items: items as WorklistItem[],
      pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage },
    };
  }

  @Query(() => CasePage, { description: 'Cases you may see, by urgency, filtered.' })
  async cases(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => CaseFilterInput, { nullable: true }) filter: CaseFilterInput | null,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, searchArgument) search: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CasePage> {
    const actor = await ctx.actor();
    const page = pageRequest(first, after, caseListCursorParts);
    const searched = checkedSearch(search);
    if (filter?.municipality && !isMunicipalityCode(filter.municipality)) {
      throw badInput(
        'filter.municipality',
        'verwacht GM gevolgd door vier cijfers',
        'expected GM followed by four digits',
      );
    }
    if (filter?.status && !(caseStatuses as readonly string[]).includes(filter.status)) {
      throw badInput(
        'filter.status',
        `kies uit ${caseStatuses.join(', ')}`,
        `choose from ${caseStatuses.join(', ')}`,
      );
    }
    const { db, projections, store, clock } = this.readSide;
    const lookup = familyLookup(
      { store, db, clock, correlationId: ctx.correlationId },
      actor,
      searched,
    );
    const result = await listCases(db, projections.liveGeneration('case-summary'), {
      actor,
      filter: filter ?? {},
      ...page,
      keep: lookup.keep,
    });
    const items = await labelled(lookup, info, result.items, (item) => item.viewLevel);
    await lookup.recordReads(items, 'cases');
    return {
      items: items as CaseListItem[],
      pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage },
    };
  }
}
