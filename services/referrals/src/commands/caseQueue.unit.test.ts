import { createCaseQueue } from './caseQueue';

describe('the turns of a case', () => {
  it('runs commands on one case one after the other, in the order they came, and other cases beside them', async () => {
    const takeTurn = createCaseQueue();
    const log: string[] = [];
    const work = async (caseId: string, name: string, ms: number) => {
      const handOn = await takeTurn(caseId);
      try {
        log.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${name} ends`);
      } finally {
        handOn();
      }
    };
    await Promise.all([work('a', 'a1', 20), work('a', 'a2', 1), work('b', 'b1', 5)]);
    expect(log).toEqual(['a1 starts', 'b1 starts', 'b1 ends', 'a1 ends', 'a2 starts', 'a2 ends']);
  });

  it('forgets a case once its last command has handed the turn on', async () => {
    const takeTurn = createCaseQueue();
    const handOn = await takeTurn('a');
    handOn();
    const again = await Promise.race([
      takeTurn('a'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50)),
    ]);
    expect(typeof again).toBe('function');
  });
});
