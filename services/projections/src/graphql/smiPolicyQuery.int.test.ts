import { randomUUID } from 'node:crypto';
import { smiPolicyStreamId } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { startTestServer, type TestServer } from '../testing/startTestServer';

const query = `{ mySmiPolicy {
  municipality retroactive maximumMonths extensionLeadDays recorded setBy { id role } setAt
} }`;

describeEachDatabase("The caller's municipality's SMI policy", (database) => {
  let opened: OpenedTestStore;
  let api: TestServer;

  beforeAll(async () => {
    opened = await database.open();
    api = await startTestServer(opened, () => new Date('2024-04-20T10:00:00.000Z'));
  });
  afterAll(async () => {
    await api.close();
    await opened.close();
  });

  it('is the default, not recorded and set by nobody, while the municipality set none', async () => {
    const { data, errors } = await api.gql<{ mySmiPolicy: unknown }>(actors.otherOfficer, query);
    expect(errors).toBeUndefined();
    expect(data!.mySmiPolicy).toEqual({
      municipality: 'GM0193',
      retroactive: false,
      maximumMonths: 12,
      extensionLeadDays: 28,
      recorded: false,
      setBy: null,
      setAt: null,
    });
  });

  it('is the last policy set, with who set it and when, for any of the municipality’s staff', async () => {
    const set = (maximumMonths: number, occurredAt: string) => ({
      eventId: randomUUID(),
      type: 'SmiPolicySet',
      schemaVersion: 1,
      data: {
        municipality: 'GM0344',
        retroactive: true,
        maximumMonths,
        extensionLeadDays: 42,
        setOn: occurredAt.slice(0, 10),
      },
      metadata: {
        actor: { id: actors.teamLead.id, role: actors.teamLead.role, organisation: 'GM0344' },
        occurredAt,
      },
    });
    await opened.store.append(
      smiPolicyStreamId('GM0344'),
      [set(6, '2024-04-01T09:00:00.000Z'), set(9, '2024-04-18T09:00:00.000Z')],
      { expectedRevision: 'no_stream' },
    );
    for (const actor of [actors.teamLead, actors.officer]) {
      const { data } = await api.gql<{ mySmiPolicy: unknown }>(actor, query);
      expect(data!.mySmiPolicy).toEqual({
        municipality: 'GM0344',
        retroactive: true,
        maximumMonths: 9,
        extensionLeadDays: 42,
        recorded: true,
        setBy: { id: actors.teamLead.id, role: 'smi-team-lead' },
        setAt: '2024-04-18T09:00:00.000Z',
      });
    }
  });

  it('is refused in words to someone who works for no municipality', async () => {
    const { data, errors } = await api.gql<{ mySmiPolicy: unknown }>(actors.toeslagen, query);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: "Only a municipality's staff see their municipality's SMI policy.",
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
