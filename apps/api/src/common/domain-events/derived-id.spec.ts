import { derivedId } from './derived-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('derivedId', () => {
  it('is a stable, UUID-shaped key per combination of parts', () => {
    const a = derivedId('0b6f1c7e-4c1d-4a47-9d2e-3b1f5f0e9a11', 'event-1');
    expect(a).toMatch(UUID);
    expect(derivedId('0b6f1c7e-4c1d-4a47-9d2e-3b1f5f0e9a11', 'event-1')).toBe(a);
    expect(derivedId('0b6f1c7e-4c1d-4a47-9d2e-3b1f5f0e9a11', 'event-2')).not.toBe(a);
    // Parts are separated, so shifting characters between them gives another key.
    expect(derivedId('ab', 'c')).not.toBe(derivedId('a', 'bc'));
  });
});
