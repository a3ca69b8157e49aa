import { Writable } from 'node:stream';
import { CommandRefused, text } from '@kot/domain';
import { createLogger, withCorrelationId } from './createLogger';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ service: 'test', level: 'debug', destination });
  return { logger, output: () => lines.join(''), entries: () => lines.map((l) => JSON.parse(l)) };
}

const bsn = '900000012';

describe('the logger', () => {
  it('writes JSON lines with the service, level and correlation id', () => {
    const { logger, entries } = capturingLogger();
    withCorrelationId(logger, 'corr-1').info({ commandType: 'ClaimCase' }, 'command accepted');
    expect(entries()[0]).toMatchObject({
      level: 'info',
      service: 'test',
      correlationId: 'corr-1',
      commandType: 'ClaimCase',
      msg: 'command accepted',
    });
  });

  it('cuts every logged value and key short, but keeps the whole stack of a failure', () => {
    const { logger, entries } = capturingLogger();
    const failure = new Error('database down');
    failure.stack = `Error: database down\n${'    at somewhere (file.ts:1:1)\n'.repeat(40)}`;
    logger.info({ route: `/${'x'.repeat(5000)}`, ['k'.repeat(5000)]: 1 }, 'request answered');
    logger.error({ err: failure }, 'request failed');
    const [refused, failed] = entries();
    expect(JSON.stringify(refused).length).toBeLessThan(1000);
    expect(refused.route).toMatch(/… \(5001 characters\)$/);
    expect(failed.level).toBe('error');
    expect(failed.err.stack.length).toBeGreaterThan(1000);
  });

  it('never writes a BSN or a name, wherever they hide in a log object', () => {
    const { logger, output } = capturingLogger();
    logger.info({
      command: { type: 'OpenReferral', household: { partners: [{ name: 'Ruud Verbeek', bsn }] } },
      deep: { nested: { list: [{ person: { name: 'Lotte Verbeek', birthDate: '1990-09-30' } }] } },
      req: { headers: { authorization: 'Bearer secret.token.value' }, body: { bsn } },
      note: 'the family of Daan Verbeek',
      free: `someone typed ${bsn} into a field`,
    });
    const written = output();
    for (const secret of [bsn, 'Ruud', 'Lotte', 'Daan', '1990-09-30', 'secret.token.value']) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[redacted]');
    expect(written).toContain('someone typed [bsn] into a field');
  });

  it('scrubs a BSN from the message text itself', () => {
    const { logger, output } = capturingLogger();
    logger.warn(`lookup failed for ${bsn}`);
    expect(output()).not.toContain(bsn);
  });

  it('logs a refusal by kind and field names only, since its sentence can name a person', () => {
    const { logger, output, entries } = capturingLogger();
    const refusal = new CommandRefused(
      'wrong-state',
      text('Al opgepakt door Marieke Brandsma.', 'Already taken on by Marieke Brandsma.'),
      [{ field: 'mandate.validUntil', reason: text('verlopen', 'expired') }],
    );
    logger.info({ err: refusal }, 'command refused');
    expect(output()).not.toContain('Marieke');
    expect(entries()[0].err).toEqual({
      type: 'CommandRefused',
      kind: 'wrong-state',
      fields: ['mandate.validUntil'],
    });
  });

  it('keeps the message and stack of other errors, minus anything like a BSN', () => {
    const { logger, entries } = capturingLogger();
    logger.error({ err: new Error(`no key for ${bsn}`) }, 'failed');
    const err = entries()[0].err;
    expect(err.type).toBe('Error');
    expect(err.message).toBe('no key for [bsn]');
    expect(err.stack).toContain('createLogger.unit.test');
  });
});

describe('the logger with an error as first argument', () => {
  it('still scrubs it', () => {
    const { logger, entries } = capturingLogger();
    logger.error(new Error(`bad ${bsn}`));
    expect(JSON.stringify(entries()[0])).not.toContain(bsn);
  });
});
