// CREATE / CREATE2: addresses (Yellow Paper; EIP-1014 examples), collisions (EIP-684,
// EIP-7610), code deposit (200 per byte; EIP-2 failure from Homestead), EIP-161 nonce 1,
// EIP-170 code size, EIP-3541 0xEF prefix, EIP-3860 initcode limit and cost, nonces and value.
import { emptyTxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { concatBytes, keccak256 } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { create2Address, createAddress, createEvm } from './index.js';
import { CALLER, CONTRACT } from './test/harness.js';

const G = 1_000_000n;
const MAX = (1n << 256n) - 1n;
const L = (n: bigint): bigint => n - n / 64n;
const memCost = (words: number): bigint => BigInt(3 * words) + BigInt(words * words) / 512n;
const RETURN_TOP = 'PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN';

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ''), 'hex'));

interface ExecSpec {
  code: string | Uint8Array;
  revision: string;
  address?: bigint;
  nonce?: bigint;
  balance?: bigint;
  gas?: bigint;
  setup?: (state: WorldState) => void;
}

/** Like the harness's `run`, but the called contract's address, nonce and balance can be chosen. */
function exec(spec: ExecSpec) {
  const address = spec.address ?? CONTRACT;
  const evm = createEvm({ revision: spec.revision });
  const state = new WorldState();
  const code = typeof spec.code === 'string' ? assemble(spec.code) : spec.code;
  state.setAccount(CALLER, { balance: 10n ** 20n });
  state.setAccount(address, { code, nonce: spec.nonce ?? 0n, balance: spec.balance ?? 0n });
  spec.setup?.(state);
  state.beginTransaction(emptyTxContext({ origin: CALLER }));
  for (const a of [CALLER, address, ...precompileAddresses(evm.revision)]) state.accessAccount(a);
  const gas = spec.gas ?? G;
  const result = evm.execute(
    {
      kind: 'call',
      depth: 0,
      gas,
      sender: CALLER,
      recipient: address,
      codeAddress: address,
      value: 0n,
      input: new Uint8Array(0),
      isStatic: false,
    },
    state,
  );
  return { result, gasUsed: gas - result.gasLeft, state };
}

/** Assembly that writes `bytes` to memory from offset 0 in 32-byte chunks, and its gas. */
function store(bytes: Uint8Array): { asm: string; gas: bigint } {
  const chunks = Math.ceil(bytes.length / 32);
  let asm = '';
  for (let i = 0; i < chunks; i++) {
    const chunk = new Uint8Array(32);
    chunk.set(bytes.subarray(32 * i, 32 * i + 32));
    asm += `PUSH32 0x${Buffer.from(chunk).toString('hex')} PUSH2 ${32 * i} MSTORE `;
  }
  return { asm, gas: BigInt(9 * chunks) + memCost(chunks) };
}

/** Stores `init` and runs CREATE (or CREATE2 with `salt`) over it, leaving the result on the stack. */
function create(
  init: Uint8Array,
  options: { value?: bigint; salt?: bigint } = {},
): { asm: string; storeGas: bigint } {
  const { asm, gas } = store(init);
  const head = options.salt === undefined ? '' : `PUSH32 ${options.salt} `;
  const op = options.salt === undefined ? 'CREATE' : 'CREATE2';
  return {
    asm: `${asm}${head}PUSH32 ${init.length} PUSH1 0 PUSH32 ${options.value ?? 0n} ${op}`,
    storeGas: gas,
  };
}

/** Init code that returns `size` zero bytes (or the given bytes) as the contract code. */
function returning(code: Uint8Array): Uint8Array {
  const { asm } = store(code);
  return assemble(`${asm}PUSH32 ${code.length} PUSH1 0 RETURN`);
}
const returnZeros = (size: number) => assemble(`PUSH32 ${size} PUSH1 0 RETURN`);

/** The Yellow Paper CREATE address, keccak256(rlp([sender, nonce]))[12:], written out here. */
function yellowPaperCreateAddress(sender: bigint, nonce: bigint): bigint {
  const senderBytes = fromHex(sender.toString(16).padStart(40, '0'));
  let nonceRlp: Uint8Array;
  if (nonce === 0n) nonceRlp = Uint8Array.of(0x80);
  else if (nonce < 0x80n) nonceRlp = Uint8Array.of(Number(nonce));
  else {
    let h = nonce.toString(16);
    if (h.length % 2) h = `0${h}`;
    const b = fromHex(h);
    nonceRlp = concatBytes(Uint8Array.of(0x80 + b.length), b);
  }
  const payload = concatBytes(Uint8Array.of(0x94), senderBytes, nonceRlp);
  const hash = keccak256(concatBytes(Uint8Array.of(0xc0 + payload.length), payload));
  return toWord(hash.subarray(12));
}

describe('CREATE addresses: keccak256(rlp([sender, nonce]))[12:]', () => {
  const SENDER = 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0n;
  it.each([
    [0n, 0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8dn],
    [1n, 0x343c43a37d37dff08ae8c4a11544c718abb4fcf8n],
    [2n, 0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91n],
    [3n, 0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19cn],
  ])('sender 0x6ac7…dbf0 with nonce %s creates %s; the nonce goes up by one', (nonce, expected) => {
    const { asm } = create(new Uint8Array(0));
    const { result, state } = exec({
      code: `${asm} ${RETURN_TOP}`,
      revision: 'cancun',
      address: SENDER,
      nonce,
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(expected);
    expect(state.getNonce(SENDER)).toBe(nonce + 1n);
    expect(createAddress(SENDER, nonce)).toBe(expected);
  });
  it.each([0x7fn, 0x80n, 0xffn, 0x100n, 0xffffn, 1n << 32n, (1n << 64n) - 2n])(
    'nonce %s (multi-byte RLP)',
    (nonce) => {
      const { asm } = create(new Uint8Array(0));
      const { result } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun', address: SENDER, nonce });
      expect(toWord(result.output)).toBe(yellowPaperCreateAddress(SENDER, nonce));
    },
  );
});

describe('CREATE2 (EIP-1014)', () => {
  // EIP-1014 "Examples": address, salt, init_code, gas, result.
  const EXAMPLES: [bigint, bigint, string, number, bigint][] = [
    [0x0n, 0x0n, '0x00', 32006, 0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38n],
    [
      0xdeadbeef00000000000000000000000000000000n,
      0x0n,
      '0x00',
      32006,
      0xb928f69bb1d91cd65274e3c79d8986362984fda3n,
    ],
    [
      0xdeadbeef00000000000000000000000000000000n,
      0x000000000000000000000000feed000000000000000000000000000000000000n,
      '0x00',
      32006,
      0xd04116cdd17bebe565eb2422f2497e06cc1c9833n,
    ],
    [0x0n, 0x0n, '0xdeadbeef', 32006, 0x70f2b2914a2a4b783faefb75f459a580616fcb5en],
    [
      0x00000000000000000000000000000000deadbeefn,
      0xcafebaben,
      '0xdeadbeef',
      32006,
      0x60f3f640a8508fc6a86d45df051962668e1e8ac7n,
    ],
    [
      0x00000000000000000000000000000000deadbeefn,
      0xcafebaben,
      '0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
      32012,
      0x1d8bfdc5d46dc4f61d6b6115972536ebe6a8854cn,
    ],
    [0x0n, 0x0n, '0x', 32000, 0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0n],
  ];

  it.each(EXAMPLES)('create2Address(%s, %s, %s) (gas %s) is %s', (sender, salt, init, _gas, expected) => {
    expect(create2Address(sender, salt, fromHex(init))).toBe(expected);
  });

  // The examples whose init code runs to completion (0x00 is STOP; empty code), end to end.
  it.each(EXAMPLES.filter(([, , init]) => init === '0x00' || init === '0x'))(
    'constantinople: sender %s, salt %s, init %s: CREATE2 costs %s and creates %s',
    (sender, salt, init, gas, expected) => {
      const initCode = fromHex(init);
      const { asm, storeGas } = create(initCode, { salt });
      const { result, gasUsed, state } = exec({
        code: `${asm} ${RETURN_TOP}`,
        revision: 'constantinople',
        address: sender,
      });
      expect(result.status).toBe('success');
      expect(toWord(result.output)).toBe(expected);
      expect(state.getNonce(expected)).toBe(1n);
      // store + 4 pushes + CREATE2 + (init code: STOP or nothing) + MSTORE/RETURN tail
      const words = Math.ceil(initCode.length / 32);
      const tail = 12n + (words === 0 ? 3n : 0n);
      expect(gasUsed).toBe(storeGas + 12n + BigInt(gas) + tail);
    },
  );

  // The 0xdeadbeef init codes fail (0xde is undefined), so CREATE2 pushes 0; EIP-2929 still
  // warms the would-be address in the creating frame, which a BALANCE after it shows.
  it.each(EXAMPLES.filter(([, , init]) => init.startsWith('0xdeadbeef')))(
    'cancun: sender %s, salt %s, init %s fails but warms %s',
    (sender, salt, init, _gas, expected) => {
      const { asm } = create(fromHex(init), { salt });
      const code = `${asm} POP GAS PUSH20 ${expected} BALANCE POP GAS SWAP1 SUB ${RETURN_TOP}`;
      const { result, state } = exec({ code, revision: 'cancun', address: sender });
      expect(result.status).toBe('success');
      expect(toWord(result.output)).toBe(3n + 100n + 2n + 2n);
      expect(state.accountExists(expected)).toBe(false);
    },
  );

  it.each(EXAMPLES.filter(([, , init]) => init.startsWith('0xdeadbeef')))(
    'constantinople: sender %s, salt %s, init %s: CREATE2 costs %s, then the failing init code takes its gas',
    (sender, salt, init, gas) => {
      const { asm, storeGas } = create(fromHex(init), { salt });
      const { result, gasUsed } = exec({
        code: `${asm} ${RETURN_TOP}`,
        revision: 'constantinople',
        address: sender,
      });
      expect(toWord(result.output)).toBe(0n);
      const before = storeGas + 12n + BigInt(gas);
      expect(gasUsed).toBe(before + L(G - before) + 12n);
    },
  );

  it('CREATE2 with the same salt and init code twice: the second collides and pushes 0', () => {
    const first = create(new Uint8Array(0), { salt: 1n });
    const { result } = exec({
      code: `${first.asm} PUSH1 0 MSTORE ${first.asm} PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN`,
      revision: 'cancun',
    });
    expect(toWord(result.output.subarray(0, 32))).toBe(create2Address(CONTRACT, 1n, new Uint8Array(0)));
    expect(toWord(result.output.subarray(32))).toBe(0n);
  });
});

describe('collisions (EIP-684, EIP-7610)', () => {
  const target = createAddress(CONTRACT, 0n);
  const { asm } = create(new Uint8Array(0));
  const code = `${asm} ${RETURN_TOP}`;
  it.each([
    ['a nonce', { nonce: 1n }],
    ['code', { code: Uint8Array.of(0x00) }],
    ['storage (EIP-7610)', { storage: new Map([[1n, 1n]]) }],
  ])(
    'an address with %s cannot be created: 0 is pushed and the creation gas is consumed',
    (_name, account) => {
      const { result, gasUsed, state } = exec({
        code,
        revision: 'cancun',
        setup: (s) => s.setAccount(target, account),
      });
      expect(result.status).toBe('success');
      expect(toWord(result.output)).toBe(0n);
      expect(gasUsed).toBe(9n + 32000n + L(G - 9n - 32000n) + 15n);
      expect(state.getNonce(CONTRACT)).toBe(1n);
    },
  );
  it('an address with only a balance is not a collision: the balance is kept', () => {
    const { result, state } = exec({
      code,
      revision: 'cancun',
      setup: (s) => s.setAccount(target, { balance: 7n }),
    });
    expect(toWord(result.output)).toBe(target);
    expect(state.getBalance(target)).toBe(7n);
    expect(state.getNonce(target)).toBe(1n);
  });
});

describe('code deposit', () => {
  const init = assemble('PUSH1 10 PUSH1 0 RETURN');
  it('200 gas per byte; the new account has the code and nonce 1 (EIP-161); cancun adds 2 per initcode word', () => {
    const { asm } = create(init);
    const { result, gasUsed, state } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun' });
    const address = createAddress(CONTRACT, 0n);
    expect(toWord(result.output)).toBe(address);
    expect(state.getCode(address)).toEqual(new Uint8Array(10));
    expect(state.getNonce(address)).toBe(1n);
    expect(state.getNonce(CONTRACT)).toBe(1n);
    // store 12, pushes 9, CREATE 32000 + 2 (EIP-3860), init code 9, deposit 2000, tail 12
    expect(gasUsed).toBe(12n + 9n + 32002n + 9n + 2000n + 12n);
  });
  it('berlin: no initcode word cost', () => {
    const { asm } = create(init);
    expect(exec({ code: `${asm} ${RETURN_TOP}`, revision: 'berlin' }).gasUsed).toBe(
      12n + 9n + 32000n + 9n + 2000n + 12n,
    );
  });
  it('before Spurious Dragon the new account starts with nonce 0', () => {
    const { asm } = create(init);
    const { state } = exec({ code: `${asm} STOP`, revision: 'tangerine-whistle' });
    expect(state.getNonce(createAddress(CONTRACT, 0n))).toBe(0n);
    expect(state.getCode(createAddress(CONTRACT, 0n)).length).toBe(10);
  });
  it('RETURNDATASIZE after a successful CREATE is 0, even though the init code returned code', () => {
    const { asm } = create(init);
    const { result } = exec({ code: `${asm} POP RETURNDATASIZE ${RETURN_TOP}`, revision: 'cancun' });
    expect(toWord(result.output)).toBe(0n);
  });
  it('deployed code runs when called', () => {
    const runtime = assemble(`PUSH1 42 ${RETURN_TOP}`);
    const { asm } = create(returning(runtime));
    const code = `${asm} PUSH1 32 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 DUP6 GAS CALL POP PUSH1 32 PUSH1 0 RETURN`;
    const { result, state } = exec({ code, revision: 'cancun' });
    expect(toWord(result.output)).toBe(42n);
    expect(state.getCode(createAddress(CONTRACT, 0n))).toEqual(runtime);
  });

  // 1000 bytes of code cost 200000 to deposit: more than the init code has left.
  const big = returnZeros(1000);
  it('frontier: a deposit that cannot be paid leaves an account without code, and the creation succeeds', () => {
    const { asm } = create(big);
    const { result, state } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'frontier', gas: 100_000n });
    const address = createAddress(CONTRACT, 0n);
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(address);
    expect(state.accountExists(address)).toBe(true);
    expect(state.getCode(address).length).toBe(0);
  });
  it('homestead+: a deposit that cannot be paid fails the creation (out of gas)', () => {
    const { asm } = create(big);
    // Before EIP-150 the creation gets all the gas; STOP costs nothing so the parent still succeeds.
    const homestead = exec({ code: `${asm} STOP`, revision: 'homestead', gas: 100_000n });
    expect(homestead.result.status).toBe('success');
    expect(homestead.gasUsed).toBe(100_000n);
    expect(homestead.state.accountExists(createAddress(CONTRACT, 0n))).toBe(false);
    expect(homestead.state.getNonce(CONTRACT)).toBe(1n);
    const cancun = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun', gas: 100_000n });
    expect(toWord(cancun.result.output)).toBe(0n);
    expect(cancun.state.accountExists(createAddress(CONTRACT, 0n))).toBe(false);
  });
});

describe('EIP-170 code size limit (24576 bytes from Spurious Dragon)', () => {
  const gas = 10_000_000n;
  it.each(['spurious-dragon', 'london', 'cancun'])('%s: 24576 bytes deploy, 24577 fail', (revision) => {
    const ok = create(returnZeros(24576));
    const okRun = exec({ code: `${ok.asm} ${RETURN_TOP}`, revision, gas });
    expect(toWord(okRun.result.output)).toBe(createAddress(CONTRACT, 0n));
    expect(okRun.state.getCode(createAddress(CONTRACT, 0n)).length).toBe(24576);

    const tooBig = create(returnZeros(24577));
    const bad = exec({ code: `${tooBig.asm} ${RETURN_TOP}`, revision, gas });
    expect(bad.result.status).toBe('success');
    expect(toWord(bad.result.output)).toBe(0n);
    expect(bad.state.getCode(createAddress(CONTRACT, 0n)).length).toBe(0);
    // The failed creation consumed all the gas it was given.
    // CREATE: 32000, plus 2 per init code word from Shanghai (EIP-3860).
    const initWords = BigInt(Math.ceil(returnZeros(24577).length / 32));
    const before = tooBig.storeGas + 9n + 32000n + (revision === 'cancun' ? 2n * initWords : 0n);
    expect(bad.gasUsed).toBe(before + L(gas - before) + 12n);
  });
  it('tangerine-whistle: 24577 bytes deploy', () => {
    const { asm } = create(returnZeros(24577));
    const { state } = exec({ code: `${asm} STOP`, revision: 'tangerine-whistle', gas });
    expect(state.getCode(createAddress(CONTRACT, 0n)).length).toBe(24577);
  });
});

describe('EIP-3541: new code starting with 0xEF is rejected from London', () => {
  it.each(['0xef', '0xef00', '0xefff0000'])('london+: code %s is rejected', (codeHex) => {
    for (const revision of ['london', 'cancun']) {
      const { asm } = create(returning(fromHex(codeHex)));
      const { result, state } = exec({ code: `${asm} ${RETURN_TOP}`, revision });
      expect(toWord(result.output)).toBe(0n);
      expect(state.accountExists(createAddress(CONTRACT, 0n))).toBe(false);
    }
  });
  it('berlin: code 0xef deploys', () => {
    const { asm } = create(returning(fromHex('0xef')));
    const { state } = exec({ code: `${asm} STOP`, revision: 'berlin' });
    expect(state.getCode(createAddress(CONTRACT, 0n))).toEqual(fromHex('0xef'));
  });
  it.each(['0xfe', '0x00ef', '0x'])('london+: code %s deploys', (codeHex) => {
    const { asm } = create(returning(fromHex(codeHex)));
    const { result, state } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun' });
    expect(toWord(result.output)).toBe(createAddress(CONTRACT, 0n));
    expect(state.getCode(createAddress(CONTRACT, 0n))).toEqual(fromHex(codeHex));
  });
  it('CREATE2 too', () => {
    const { asm } = create(returning(fromHex('0xef')), { salt: 0n });
    const { result } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun' });
    expect(toWord(result.output)).toBe(0n);
  });
});

describe('EIP-3860: initcode limit 49152 bytes and 2 gas per word (Shanghai)', () => {
  const words = 1536;
  it('shanghai: CREATE of 49152 bytes (zeros: STOP) costs 32000 + 2 per word + memory', () => {
    const { result, gasUsed } = exec({
      code: 'PUSH2 0xc000 PUSH1 0 PUSH1 0 CREATE STOP',
      revision: 'shanghai',
    });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(9n + 32000n + BigInt(2 * words) + memCost(words));
  });
  it('shanghai: CREATE2 of 49152 bytes also pays 6 per word for hashing', () => {
    const { result, gasUsed } = exec({
      code: 'PUSH1 0 PUSH2 0xc000 PUSH1 0 PUSH1 0 CREATE2 STOP',
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(12n + 32000n + BigInt(8 * words) + memCost(words));
  });
  it.each(['CREATE', 'CREATE2'])(
    'shanghai+: %s of 49153 bytes halts the creating frame as out of gas',
    (op) => {
      const pushes =
        op === 'CREATE2' ? 'PUSH1 0 PUSH2 0xc001 PUSH1 0 PUSH1 0' : 'PUSH2 0xc001 PUSH1 0 PUSH1 0';
      for (const revision of ['shanghai', 'cancun']) {
        const { result, gasUsed, state } = exec({ code: `${pushes} ${op} STOP`, revision });
        expect(result.status).toBe('out-of-gas');
        expect(gasUsed).toBe(G);
        expect(state.getNonce(CONTRACT)).toBe(0n);
      }
    },
  );
  it('paris: 49153 bytes are allowed and pay no word cost', () => {
    const { result, gasUsed } = exec({ code: 'PUSH2 0xc001 PUSH1 0 PUSH1 0 CREATE STOP', revision: 'paris' });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(9n + 32000n + memCost(1537));
  });
});

describe('value, nonce and failures', () => {
  it('CREATE with value moves it to the new account', () => {
    const { asm } = create(new Uint8Array(0), { value: 30n });
    const { state } = exec({ code: `${asm} STOP`, revision: 'cancun', balance: 100n });
    expect(state.getBalance(createAddress(CONTRACT, 0n))).toBe(30n);
    expect(state.getBalance(CONTRACT)).toBe(70n);
  });
  it('CREATE with more value than the balance pushes 0, keeps the nonce, and gives back the gas', () => {
    const { asm } = create(new Uint8Array(0), { value: 101n });
    const { result, gasUsed, state } = exec({
      code: `${asm} ${RETURN_TOP}`,
      revision: 'cancun',
      balance: 100n,
    });
    expect(toWord(result.output)).toBe(0n);
    expect(state.getNonce(CONTRACT)).toBe(0n);
    expect(gasUsed).toBe(9n + 32000n + 15n);
  });
  it('init code that reverts: 0 is pushed, the nonce still goes up, the revert data is return data, gas comes back', () => {
    const init = assemble('PUSH1 0xaa PUSH1 0 MSTORE8 PUSH1 3 PUSH1 0 REVERT');
    const { asm, storeGas } = create(init);
    const { result, gasUsed, state } = exec({
      code: `${asm} PUSH1 64 MSTORE RETURNDATASIZE PUSH1 96 MSTORE PUSH1 64 PUSH1 64 RETURN`,
      revision: 'cancun',
    });
    expect(toWord(result.output.subarray(0, 32))).toBe(0n);
    expect(toWord(result.output.subarray(32))).toBe(3n);
    expect(state.getNonce(CONTRACT)).toBe(1n);
    expect(state.accountExists(createAddress(CONTRACT, 0n))).toBe(false);
    const initGas = 3n + 3n + 3n + 3n + 3n + 3n; // with one word of memory
    const tail = 3n + 3n + memCost(3) - memCost(1) + 2n + 3n + 3n + memCost(4) - memCost(3) + 3n + 3n;
    expect(gasUsed).toBe(storeGas + 9n + 32002n + initGas + tail);
  });
  it('init code that fails consumes the gas it was given', () => {
    const { asm, storeGas } = create(assemble('INVALID'));
    const { result, gasUsed } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun' });
    expect(toWord(result.output)).toBe(0n);
    const before = storeGas + 9n + 32002n;
    expect(gasUsed).toBe(before + L(G - before) + 12n);
  });
  it('during init code the new account has no code: EXTCODESIZE(ADDRESS) is 0, CODESIZE is the init code size', () => {
    const init = assemble('ADDRESS EXTCODESIZE PUSH1 0 SSTORE CODESIZE PUSH1 1 SSTORE STOP');
    const { asm } = create(init);
    const { state } = exec({ code: `${asm} STOP`, revision: 'cancun' });
    const address = createAddress(CONTRACT, 0n);
    expect(state.getStorage(address, 0n)).toBe(0n);
    expect(state.getStorage(address, 1n)).toBe(BigInt(init.length));
  });
  it('CREATE with a value of 2^200 beyond the balance pushes 0 and keeps the nonce', () => {
    const { asm } = create(new Uint8Array(0), { value: 1n << 200n });
    const { result, state } = exec({ code: `${asm} ${RETURN_TOP}`, revision: 'cancun', balance: 100n });
    expect(toWord(result.output)).toBe(0n);
    expect(state.getNonce(CONTRACT)).toBe(0n);
  });
  it('the created address is warm in the creating frame (EIP-2929)', () => {
    const { asm } = create(new Uint8Array(0));
    const { result } = exec({
      code: `${asm} GAS SWAP1 BALANCE POP GAS SWAP1 SUB ${RETURN_TOP}`,
      revision: 'cancun',
    });
    expect(toWord(result.output)).toBe(3n + 100n + 2n + 2n);
  });
  it('CREATE from within init code (nested) uses the new contract as the sender', () => {
    const inner = create(new Uint8Array(0));
    const outerInit = assemble(`${inner.asm} STOP`);
    const { asm } = create(outerInit);
    const { state } = exec({ code: `${asm} STOP`, revision: 'cancun' });
    const outer = createAddress(CONTRACT, 0n);
    expect(state.accountExists(createAddress(outer, 1n))).toBe(true); // the outer account starts at nonce 1
    expect(state.getNonce(outer)).toBe(2n);
  });
  it('the CREATE gas is 32000 in every revision (no value, empty init code)', () => {
    for (const revision of ['frontier', 'homestead', 'byzantium', 'istanbul', 'london']) {
      const { gasUsed } = exec({ code: 'PUSH1 0 PUSH1 0 PUSH1 0 CREATE STOP', revision });
      expect(gasUsed).toBe(9n + 32000n);
    }
  });
  it('CREATE of a huge init code size is out of gas', () => {
    const { result, gasUsed } = exec({
      code: `PUSH32 ${MAX} PUSH1 0 PUSH1 0 CREATE STOP`,
      revision: 'paris',
    });
    expect(result.status).toBe('out-of-gas');
    expect(gasUsed).toBe(G);
  });
});
