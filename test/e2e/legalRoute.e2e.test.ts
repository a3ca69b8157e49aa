// Issue 11 over HTTP: a personal mandate belongs to the person it was given to (a colleague of the
// same office cannot use it; a supporter who may only signal cannot claim a court's authority), and
// the legal route to its end: the decision letter confirmed, an objection against a grant's start
// date, the appeal to the administrative court and its ruling, with the effect on KOT.
import { addDays, firstOfMonth, householdOrganisation } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { bringTo } from './applicationSteps';
import { courtBewind, day, family, kotStart } from './families';
import { overHttp, refusalOf, type OverHttp } from './overHttp';
import { describeOnEachEngine, storyDay } from './platformUnderTest';
import { forTheBewindvoerder, forToeslagen, whoSees } from './worklists';

const caseQuery = `query Case($id: ID!) { case(id: $id) {
  status
  nextStep { action due }
  fundingCoverage { kot { from to } }
} }`;

interface CaseAnswer {
  case: {
    status: string;
    nextStep: { action: string; due: string } | null;
    fundingCoverage: { kot: Array<{ from: string; to: string | null }> };
  };
}

describeOnEachEngine('mandates per person and the legal route to its end', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('keeps a DigiD mandate to the bewindvoerder it was given to: a colleague is refused until they record their own, and a client supporter cannot claim a court bewind', async () => {
    const f = family();
    await bringTo(http, f, 'OfferCase');
    await http.carryOut('bewindvoerder', 'ClaimCase', {
      caseId: f.caseId,
      mandate: { type: 'DIGID_MACHTIGING', partnerIds: ['p1', 'p2'], validFrom: storyDay },
    });
    const colleague = { token: await platform().tokenFor(actors.bewindColleague) };

    const before = await http.eventsInLog(f.caseId);
    const refused = await http.command(colleague, 'RequestKot', {
      caseId: f.caseId,
      channel: 'PHONE',
    });
    expect(refusalOf(refused)).toEqual({ code: 'FORBIDDEN', fields: [] });
    expect(refused.errors[0]?.message).toMatch(/a colleague of the same office cannot use it/);
    expect(await http.eventsInLog(f.caseId)).toBe(before);

    // The colleague takes the case over with the volmacht the parents gave them.
    await http.carryOut(colleague, 'RecordMandate', {
      caseId: f.caseId,
      mandate: { type: 'WRITTEN_VOLMACHT', partnerIds: ['p1', 'p2'], validFrom: storyDay },
    });
    await http.carryOut(colleague, 'RequestKot', { caseId: f.caseId, channel: 'PHONE' });
    expect(await whoSees(http, f.caseId)).toEqual(forToeslagen('register-wlz-request', 5));

    // A client supporter may only signal: a court's authority is not theirs to record.
    const g = family();
    await http.carryOut('smi-officer-utrecht', 'OpenReferral', g.referral);
    await http.carryOut('smi-officer-utrecht', 'OfferCase', {
      caseId: g.caseId,
      to: { organisation: 'org-mee-vallei', role: 'CLIENT_SUPPORTER' },
    });
    const selfGranted = await http.command('client-supporter', 'ClaimCase', {
      caseId: g.caseId,
      mandate: courtBewind,
    });
    expect(refusalOf(selfGranted)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.mandate.type'],
    });
    expect(JSON.stringify(selfGranted.errors)).toContain(
      'only a bewindvoerder can record this measure of the court',
    );
  });

  it('asks for the decision letter to be confirmed, takes an objection against the start date, and moves KOT to the start the court set on appeal', async () => {
    const f = family();
    await bringTo(http, f, 'RecordApplicationReceived');
    await http.carryOut(
      'toeslagen-officer',
      'GrantKot',
      { caseId: f.caseId, grantedFrom: kotStart },
      'rest',
    );
    await http.carryOut('smi-officer-utrecht', 'EndSmi', {
      caseId: f.caseId,
      lastDay: addDays(kotStart, -1),
    });
    // The letter first: the bewindvoerder confirms within a week that it reached them.
    expect(await whoSees(http, f.caseId)).toEqual(
      forTheBewindvoerder('confirm-decision-received', 7),
    );
    const household = {
      token: await platform().tokenFor({
        id: `u-household-${f.caseId}`,
        role: 'household',
        organisation: householdOrganisation(f.caseId),
      }),
    };
    await http.carryOut(household, 'ConfirmDecisionReceived', {
      caseId: f.caseId,
      channel: 'POST',
    });
    expect(await whoSees(http, f.caseId)).toEqual(
      forTheBewindvoerder('confirm-decision-received', 7),
    );
    await http.carryOut('bewindvoerder', 'ConfirmDecisionReceived', {
      caseId: f.caseId,
      channel: 'BERICHTENBOX',
    });
    expect(await whoSees(http, f.caseId)).toEqual(forTheBewindvoerder('aftercare', 42));

    // The family wanted KOT from September, when the childcare began: an objection against the grant.
    await http.carryOut('bewindvoerder', 'FileObjection', {
      caseId: f.caseId,
      grounds: 'De opvang begon in september; de toeslag moet per september ingaan.',
    });
    expect(await whoSees(http, f.caseId)).toEqual(forToeslagen('decide-objection', 42));
    await http.carryOut(
      'toeslagen-officer',
      'DecideObjection',
      { caseId: f.caseId, upheld: false, explanation: 'De ingangsdatum volgt de aanvraag.' },
      'rest',
    );
    await http.carryOut('bewindvoerder', 'ConfirmDecisionReceived', {
      caseId: f.caseId,
      channel: 'BERICHTENBOX',
    });

    await http.carryOut('bewindvoerder', 'FileAppeal', {
      caseId: f.caseId,
      grounds: 'De aanvraag liep al sinds september; de rechtbank moet de datum toetsen.',
    });
    expect(await whoSees(http, f.caseId)).toEqual(forToeslagen('record-court-ruling', 182));

    const september = firstOfMonth(storyDay, -2);
    await http.carryOut(
      'toeslagen-officer',
      'RecordCourtRuling',
      {
        caseId: f.caseId,
        outcome: 'upheld',
        grantedFrom: september,
        explanation: 'De rechtbank voorziet zelf: toeslag vanaf september.',
      },
      'rest',
    );
    const answer = await http.query<CaseAnswer>('bewindvoerder', caseQuery, { id: f.caseId });
    expect(answer.data?.case).toEqual({
      status: 'granted',
      nextStep: { action: 'confirm-decision-received', due: day(7) },
      fundingCoverage: { kot: [{ from: september, to: null }] },
    });
  });
});
