// The auditor's CSV download: fields a spreadsheet cannot misread, and every history row.
import { csvField, historyCsv } from '../../services/portal/src/audit/historyCsv';

describe("the auditor's history as CSV", () => {
  it('quotes separators, quotes and line breaks, and never lets a field start a formula', () => {
    expect(csvField('Gemeente Utrecht')).toBe('Gemeente Utrecht');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "nee"')).toBe('"zei ""nee"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(42)).toBe('42');
  });

  it('writes a header and one line per entry, deliveries with their channel and recipient', () => {
    const csv = historyCsv(
      [
        {
          position: 4096,
          revision: 0,
          eventId: 'e-1',
          type: 'ReferralOpened',
          actor: { id: 'u-officer-utrecht', role: 'smi-officer', organisation: 'GM0344' },
          occurredAt: '2026-12-01T09:00:00.000Z',
          recordedAt: '2026-12-01T09:00:01.000Z',
          notification: null,
        },
        {
          position: 8192,
          revision: 0,
          eventId: 'e-2',
          type: 'NotificationDelivered',
          actor: { id: 'notifications', role: 'system', organisation: 'platform' },
          occurredAt: '2026-12-01T09:00:02.000Z',
          recordedAt: '2026-12-01T09:00:02.000Z',
          notification: {
            channel: 'email',
            outcome: 'delivered',
            recipient: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
          },
        },
      ],
      {
        t: (value) => value.nl,
        eventName: (type) =>
          type === 'ReferralOpened' ? 'Doorverwijzing geopend' : 'Melding bezorgd',
        roleName: (role) => (role === 'smi-officer' ? 'SMI-consulent' : 'Bewindvoerder'),
        organisationName: (id) => (id === 'GM0344' ? 'Gemeente Utrecht; demo' : id),
      },
    );
    expect(csv.startsWith('\uFEFFNr;Gebeurtenis;Type;Rol;Account;Organisatie;')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      lines[0],
      '1;Doorverwijzing geopend;ReferralOpened;SMI-consulent;u-officer-utrecht;"Gemeente Utrecht; demo";2026-12-01T09:00:00.000Z;2026-12-01T09:00:01.000Z;4096;0;e-1;;;',
      `2;Melding bezorgd;NotificationDelivered;het platform zelf;;;2026-12-01T09:00:02.000Z;2026-12-01T09:00:02.000Z;8192;0;e-2;email;Bewindvoerder, org-bewind-horizon;delivered`,
    ]);
  });
});
