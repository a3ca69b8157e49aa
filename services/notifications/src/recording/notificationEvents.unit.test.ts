import { deterministicEventId } from './notificationEvents';

describe('delivery outcome event ids', () => {
  it('are the same UUID for the same outcome and differ for another', () => {
    const id = deterministicEventId('delivered|n-1|email|GM0344/smi-officer/*');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('delivered|n-1|email|GM0344/smi-officer/*')).toBe(id);
    expect(deterministicEventId('delivered|n-1|webhook|sub-1')).not.toBe(id);
  });
});
