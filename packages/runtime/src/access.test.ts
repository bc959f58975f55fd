// EIP-2929 access costs: the static table holds the warm price; these add the cold surcharge.
import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { chargeAccountAccess, chargeDelegationAccess, chargeSlotAccess } from './index.js';
import { frame, gasUsed, SELF, stubHost } from './test/frame.js';

const OTHER = 0xabcn;
const TARGET = 0x7a59e7n;
/** An EIP-7702 delegation indicator: 0xef0100 followed by the 20-byte target. */
const DELEGATION = Uint8Array.of(0xef, 0x01, 0x00, ...new Uint8Array(17), 0x7a, 0x59, 0xe7);

/** A host whose access sets start empty and record what was warmed. */
function accessHost(code: Uint8Array = new Uint8Array(0)) {
  const warm = new Set<string>();
  const host = stubHost({
    accessAccount: (address) => warm.has(`${address}`) || !warm.add(`${address}`),
    accessStorage: (address, key) => warm.has(`${address}:${key}`) || !warm.add(`${address}:${key}`),
    getCode: () => code,
  });
  return { host, warm };
}

describe('chargeAccountAccess', () => {
  it('charges 2500 on top of the warm 100 the first time, then nothing', () => {
    const { host, warm } = accessHost();
    const context = frame({ host, revision: Revision.Berlin });
    expect(chargeAccountAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(2500n);
    expect(warm.has(`${OTHER}`)).toBe(true);
    expect(chargeAccountAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(2500n);
  });

  it('asks nothing of the host before Berlin', () => {
    const context = frame({ revision: Revision.Istanbul }); // stub host throws on accessAccount
    expect(chargeAccountAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(0n);
  });

  it('is out of gas when the surcharge does not fit, and the account stays warm', () => {
    const { host, warm } = accessHost();
    const context = frame({ host, gas: 2499n });
    expect(chargeAccountAccess(context, OTHER)).toBe(false);
    expect(warm.has(`${OTHER}`)).toBe(true);
  });
});

describe('chargeSlotAccess', () => {
  it('charges 2000 on top of the warm 100 for a cold slot of the frame’s own account', () => {
    const { host, warm } = accessHost();
    const context = frame({ host, revision: Revision.London });
    expect(chargeSlotAccess(context, 5n)).toBe(true);
    expect(chargeSlotAccess(context, 5n)).toBe(true);
    expect(gasUsed(context)).toBe(2000n);
    expect(warm.has(`${SELF}:5`)).toBe(true);
  });

  it('costs nothing extra before Berlin', () => {
    const context = frame({ revision: Revision.Istanbul });
    expect(chargeSlotAccess(context, 5n)).toBe(true);
    expect(gasUsed(context)).toBe(0n);
  });
});

describe('chargeDelegationAccess (EIP-7702)', () => {
  it('charges nothing for plain code', () => {
    const context = frame({ host: accessHost(Uint8Array.of(0x00)).host, revision: Revision.Prague });
    expect(chargeDelegationAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(0n);
  });

  it('charges the target’s full access cost: 2600 cold, then 100 warm', () => {
    const { host, warm } = accessHost(DELEGATION);
    const context = frame({ host, revision: Revision.Prague });
    expect(chargeDelegationAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(2600n);
    expect(warm.has(`${TARGET}`)).toBe(true);
    expect(chargeDelegationAccess(context, OTHER)).toBe(true);
    expect(gasUsed(context)).toBe(2700n);
  });
});
