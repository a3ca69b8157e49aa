import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotificationsConfig, NotificationsConfigError } from '../config/notificationsConfig';
import { loadRecipientsFile, parseRecipients, RecipientsFileError } from './recipientsFile';

describe('the recipients file (RECIPIENTS_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kot-recipients-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('fills in the defaults: the whole role, Dutch, e-mail when an address is given and inbox only when not', () => {
    const entries = loadRecipientsFile(
      file(
        'ok.json',
        JSON.stringify([
          {
            organisation: 'GM0344',
            role: 'smi-officer',
            displayName: 'Team SMI',
            email: 'smi@utrecht.example',
          },
          {
            organisation: 'DienstToeslagen',
            role: 'toeslagen-officer',
            personId: 'u-dt-1',
            displayName: 'Belcentrum',
            language: 'en',
          },
        ]),
      ),
    );
    expect(entries).toEqual([
      {
        organisation: 'GM0344',
        role: 'smi-officer',
        personId: '*',
        displayName: 'Team SMI',
        email: 'smi@utrecht.example',
        language: 'nl',
        channels: ['email'],
      },
      {
        organisation: 'DienstToeslagen',
        role: 'toeslagen-officer',
        personId: 'u-dt-1',
        displayName: 'Belcentrum',
        email: null,
        language: 'en',
        channels: [],
      },
    ]);
  });

  it('names every problem by entry and field, and never repeats an address', () => {
    const { problems } = parseRecipients([
      { organisation: 'GM0344', role: 'smi-boss', displayName: 'X', email: 'no-at-sign.example' },
      { organisation: '', role: 'bewindvoerder', displayName: 'Y', channels: ['email', 'sms'] },
      { organisation: 'GM0344', role: 'smi-officer', displayName: 'Z', language: 'de', mail: 1 },
      'not an object',
      { organisation: 'GM0344', role: 'smi-officer', displayName: 'Z again' },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^entry 0: role: unknown role; known: smi-officer, /),
      'entry 0: email: is not an e-mail address',
      'entry 1: organisation: is required',
      'entry 1: channels: unknown channel sms; possible: email (the inbox is always on)',
      'entry 1: email: is needed when e-mail is chosen as a channel',
      'entry 2: unknown field mail',
      'entry 2: language: must be nl or en',
      'entry 3: expected an object',
      'entry 4: GM0344/smi-officer/* is listed twice',
    ]);
    expect(problems.join('\n')).not.toContain('no-at-sign');
  });

  it('stops the start with the file problems among the other configuration problems', () => {
    const broken = file('broken.json', '[{"organisation": "GM0344", "email": secret@x.example}]');
    let error: unknown;
    try {
      loadNotificationsConfig({ RECIPIENTS_FILE: broken, WEBHOOK_ADDRESSES: 'everywhere' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotificationsConfigError);
    const problems = (error as NotificationsConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^WEBHOOK_ADDRESSES: /),
      expect.stringMatching(/^RECIPIENTS_FILE \(.*broken\.json\): not valid JSON/),
    ]);
    expect(problems.join('\n')).not.toContain('secret@');
    expect(() => loadRecipientsFile(join(dir, 'missing.json'))).toThrow(RecipientsFileError);
    expect(() => loadRecipientsFile(join(dir, 'missing.json'))).toThrow(/the file does not exist/);
  });
});
