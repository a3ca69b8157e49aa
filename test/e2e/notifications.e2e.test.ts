// Who is told what, and when, along one case: after every step each involved party's inbox is
// asked over GraphQL, as their portal does, and must hold exactly the messages for this case that
// the step should have added (nothing missing, nothing extra, nothing for a bystander). In the
// embedded mode a demo user can also subscribe a webhook receiver on their own machine.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { caseNumberOf, householdOrganisation } from '@kot/domain';
import { toApplication, type Step } from './applicationSteps';
import { family, horizonOffice } from './families';
import { overHttp, refusalOf, type Caller, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';

interface InboxAnswer {
  inbox: { edges: Array<{ node: { rule: string; caseId: string; title: string } }> };
}

const inboxQuery = `query Inbox { inbox(first: 100) { edges { node { rule caseId title(language: en) } } } }`;

// Every wait for the dispatcher is bounded in tries and time.
const INBOX_WAIT_MS = 10_000;
const INBOX_POLL_MS = 25;

describeOnEachEngine('notifications along a case', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  async function inboxOf(caller: Caller, caseId: string): Promise<string[]> {
    const answer = await http.query<InboxAnswer>(caller, inboxQuery);
    if (!answer.data) throw new Error(`inbox refused: ${JSON.stringify(answer.errors)}`);
    return answer.data.inbox.edges
      .map((edge) => edge.node)
      .filter((node) => node.caseId === caseId)
      .map((node) => node.rule)
      .sort();
  }

  /** Each party's messages for the case, once they match `expected` (or as they are after 10 s). */
  async function inboxesOnceDelivered(
    parties: Record<string, Caller>,
    caseId: string,
    expected: Record<string, string[]>,
  ): Promise<Record<string, string[]>> {
    const deadline = Date.now() + INBOX_WAIT_MS;
    let seen: Record<string, string[]> = {};
    for (let tries = 0; tries < INBOX_WAIT_MS / INBOX_POLL_MS && Date.now() < deadline; tries++) {
      const names = Object.keys(parties);
      const lists = await Promise.all(names.map((name) => inboxOf(parties[name]!, caseId)));
      seen = Object.fromEntries(names.map((name, index) => [name, lists[index]!]));
      if (JSON.stringify(seen) === JSON.stringify(expected)) return seen;
      await new Promise((resolve) => setTimeout(resolve, INBOX_POLL_MS));
    }
    return seen;
  }

  it('fills each party’s inbox with the right message at the right moment, from the offer to the rejection', async () => {
    const f = family();
    const household = {
      token: await platform().tokenFor({
        id: `u-household-${f.caseId}`,
        role: 'household',
        organisation: householdOrganisation(f.caseId),
      }),
    };
    const parties: Record<string, Caller> = {
      officer: 'smi-officer-utrecht',
      teamLead: 'smi-team-lead-utrecht',
      bewindvoerder: 'bewindvoerder',
      toeslagen: 'toeslagen-officer',
      ciz: 'ciz-assessor',
      household,
      otherMunicipality: 'smi-officer-zwolle',
      otherSupporter: 'client-supporter',
    };
    const inboxes: Record<string, string[]> = Object.fromEntries(
      Object.keys(parties).map((name) => [name, []]),
    );
    /** What each step adds to whose inbox; a step not named here adds nothing. */
    const tells: Record<string, Record<string, string[]>> = {
      OfferCase: { bewindvoerder: ['case-offered'] },
      ClaimCase: { officer: ['case-claimed'] },
      RequestKot: { toeslagen: ['kot-requested'] },
      RegisterWlzRequest: { toeslagen: ['indication-check-requested'] },
      SendApplicationForms: { bewindvoerder: ['forms-sent'] },
      SubmitApplication: { toeslagen: ['application-submitted'] },
      RejectKot: {
        officer: ['kot-decided', 'kot-rejected-continue-smi'],
        bewindvoerder: ['kot-decided', 'kot-rejected-objection-deadline'],
        // CIZ has no part in a case on a permanent indication: it hears nothing of the decision.
        toeslagen: ['kot-decided'],
        household: ['kot-decided', 'kot-rejected-objection-deadline'],
      },
    };
    const steps: Step[] = [
      ...toApplication(f),
      {
        who: 'toeslagen-officer',
        command: 'RejectKot',
        input: { caseId: f.caseId, reason: 'partner-not-working', explanation: 'Werkt niet.' },
        over: 'rest',
        seenBy: {},
      },
    ];

    const seen: Array<{ after: string; inboxes: Record<string, string[]> }> = [];
    const expected: typeof seen = [];
    for (const step of steps) {
      await http.carryOut(step.who, step.command, step.input, step.over);
      for (const [name, rules] of Object.entries(tells[step.command] ?? {})) {
        inboxes[name] = [...inboxes[name]!, ...rules].sort();
      }
      const now = structuredClone(inboxes);
      expected.push({ after: step.command, inboxes: now });
      seen.push({
        after: step.command,
        inboxes: await inboxesOnceDelivered(parties, f.caseId, now),
      });
    }
    expect(seen).toEqual(expected);

    // The message in words, rendered in the language the portal asks for.
    const offered = await http.query<InboxAnswer>('bewindvoerder', inboxQuery);
    expect(
      offered.data?.inbox.edges.find(
        (edge) => edge.node.caseId === f.caseId && edge.node.rule === 'case-offered',
      )?.node.title,
    ).toBe(`New referral offered: case ${caseNumberOf(f.caseId)}`);
  });

  it('lets a demo user subscribe a receiver on their own machine in the embedded mode only, and records each call in the case history', async () => {
    const received: Array<{
      body: string;
      headers: Record<string, string>;
      type: string;
      subject: string;
    }> = [];
    const receiver: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const event = JSON.parse(body) as { type: string; subject?: string };
        received.push({
          body,
          headers: Object.fromEntries(
            ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [
              name,
              String(request.headers[name] ?? ''),
            ]),
          ),
          type: event.type,
          subject: event.subject ?? '',
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      const created = await http.query<{
        createWebhookSubscription: { secret: string; subscription: { id: string } };
      }>(
        'bewindvoerder',
        `mutation Subscribe($input: CreateWebhookSubscriptionInput!) {
          createWebhookSubscription(input: $input) { secret subscription { id } }
        }`,
        { input: { callbackUrl: `http://127.0.0.1:${port}/kot`, rules: ['case-offered'] } },
      );

      if (platform().engine !== 'pglite') {
        // Server mode keeps public-only: this machine's addresses are refused, in words.
        expect(refusalOf(created)).toEqual({ code: 'BAD_USER_INPUT', fields: ['callbackUrl'] });
        expect(JSON.stringify(created.errors)).toContain('non-public address');
        expect(received).toEqual([]);
        return;
      }
      const secret = created.data?.createWebhookSubscription.secret;
      expect(secret).toBeDefined();
      const f = family();
      await http.carryOut('smi-officer-utrecht', 'OpenReferral', f.referral);
      await http.carryOut('smi-officer-utrecht', 'OfferCase', {
        caseId: f.caseId,
        to: horizonOffice,
      });

      const deadline = Date.now() + INBOX_WAIT_MS;
      for (let tries = 0; tries < 400 && Date.now() < deadline; tries++) {
        if (received.some((call) => call.subject === f.caseId)) break;
        await new Promise((resolve) => setTimeout(resolve, INBOX_POLL_MS));
      }
      const call = received.find((entry) => entry.subject === f.caseId);
      expect(call?.type).toBe('nl.kot-referral.case-offered');
      // Verified as a Standard Webhooks receiver does: HMAC-SHA256 over "id.timestamp.body" with
      // the base64 key after whsec_, the timestamp within five minutes of the receiver's clock.
      const { 'webhook-id': id, 'webhook-timestamp': timestamp } = call!.headers;
      const key = Buffer.from(secret!.replace(/^whsec_/, ''), 'base64');
      const signed = createHmac('sha256', key).update(`${id}.${timestamp}.${call!.body}`);
      expect(call!.headers['webhook-signature']).toBe(`v1,${signed.digest('base64')}`);
      expect(id).toBe((JSON.parse(call!.body) as { id: string }).id);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);

      let channels: string[] = [];
      for (let tries = 0; tries < 400 && Date.now() < deadline + INBOX_WAIT_MS; tries++) {
        channels = (await http.history(f.caseId)).flatMap((entry) =>
          entry.notification ? [entry.notification.channel] : [],
        );
        if (channels.includes('webhook')) break;
        await new Promise((resolve) => setTimeout(resolve, INBOX_POLL_MS));
      }
      expect(channels).toContain('webhook');
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
