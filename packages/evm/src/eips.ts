import { Revision } from '@tandem-evm/host';

/** An EIP an EVM can switch on or off against its revision (`createEvm({ eips })`). */
export interface SwitchableEip {
  /** The mainnet revision that activated it. */
  readonly since: Revision;
  readonly title: string;
  /** Opcodes it adds: switched on before `since` they cost what they cost then; off, they are undefined. */
  readonly opcodes?: readonly string[];
}

/**
 * The EIPs Tandem can switch, by number. Opcode EIPs change the opcode and
 * gas tables; the others change the code deposit (170, 3541), CREATE and the
 * transaction's intrinsic gas and validation (3860), or the transaction's
 * warm set (3651).
 */
export const SWITCHABLE_EIPS: Readonly<Record<number, SwitchableEip>> = {
  145: { since: Revision.Constantinople, title: 'bitwise shifting', opcodes: ['SHL', 'SHR', 'SAR'] },
  170: { since: Revision.SpuriousDragon, title: 'contract code size limit' },
  1153: { since: Revision.Cancun, title: 'transient storage', opcodes: ['TLOAD', 'TSTORE'] },
  1344: { since: Revision.Istanbul, title: 'CHAINID', opcodes: ['CHAINID'] },
  3198: { since: Revision.London, title: 'BASEFEE', opcodes: ['BASEFEE'] },
  3541: { since: Revision.London, title: 'reject new code starting with 0xEF' },
  3651: { since: Revision.Shanghai, title: 'warm COINBASE' },
  3855: { since: Revision.Shanghai, title: 'PUSH0', opcodes: ['PUSH0'] },
  3860: { since: Revision.Shanghai, title: 'limit and meter initcode' },
  5656: { since: Revision.Cancun, title: 'MCOPY', opcodes: ['MCOPY'] },
  7516: { since: Revision.Cancun, title: 'BLOBBASEFEE', opcodes: ['BLOBBASEFEE'] },
};

/** Checks `createEvm`'s `eips` option: known EIP numbers, boolean values. */
export function validateEips(eips: Readonly<Record<number, boolean>>): Record<number, boolean> {
  if (typeof eips !== 'object' || eips === null) throw new TypeError('options.eips must be an object');
  const checked: Record<number, boolean> = {};
  for (const [key, value] of Object.entries(eips)) {
    const eip = Number(key);
    if (SWITCHABLE_EIPS[eip] === undefined) {
      throw new RangeError(
        `options.eips: EIP-${key} cannot be switched (switchable: ${Object.keys(SWITCHABLE_EIPS).join(', ')})`,
      );
    }
    if (typeof value !== 'boolean') throw new TypeError(`options.eips[${key}] must be a boolean`);
    checked[eip] = value;
  }
  return checked;
}
