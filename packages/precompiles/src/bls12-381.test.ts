// EIP-2537 precompiles 0x0b-0x11 (Prague). Vectors are from the EIP's assets/eip-2537 files
// (add_G1_bls.json, map_fp_to_G1_bls.json, map_fp2_to_G2_bls.json, pairing_check_bls.json) and
// the execution-spec-tests MSM vectors; gas from the final EIP text (G1ADD 375, G2ADD 600, MSM
// k·mul·discount(k)/1000 with mul 12000 / 22500, pairing 32600·k + 37700, maps 5500 / 23800).
import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { bls12G1MsmGas, runBls12G1Msm } from './0c-bls12-g1msm.js';
import { bls12G2MsmGas, runBls12G2Msm } from './0e-bls12-g2msm.js';
import { bls12PairingGas } from './0f-bls12-pairing.js';
import { isPrecompile, precompileAddresses, runPrecompile } from './index.js';

/** A 48-byte field element, written as EIP-2537's 64 bytes (16 zero bytes first). */
const fp = (hex48: string) => `${'00'.repeat(16)}${hex48}`;

const G1 =
  fp('17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb') +
  fp('08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1');
const MINUS_G1 =
  fp('17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb') +
  fp('114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2ca');
const P1 =
  fp('112b98340eee2777cc3c14163dea3ec97977ac3dc5c70da32e6e87578f44912e902ccef9efe28d4a78b8999dfbca9426') +
  fp('186b28d92356c4dfec4b5201ad099dbdede3781f8998ddf929b4cd7756192185ca7b8f4ef7088f813270ac3d48868a21');
const G1_PLUS_P1 =
  fp('0a40300ce2dec9888b60690e9a41d3004fda4886854573974fab73b046d3147ba5b7a5bde85279ffede1b45b3918d82d') +
  fp('06d3d887e9f53b9ec4eb6cedf5607226754b07c01ace7834f57f3e7315faefb739e59018e22c492006190fba4a870025');
const TWO_G1 =
  fp('0572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e') +
  fp('166a9d8cabc673a322fda673779d8e3822ba3ecb8670e461f73bb9021d5fd76a4c56d9d4cd16bd1bba86881979749d28');
/** On the curve but outside the prime-order subgroup (add_G1_bls.json "g1_wrong_order"). */
const G1_WRONG_ORDER =
  fp('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') +
  fp('193fb7cedb32b2c3adc06ec11a96bc0d661869316f5e4a577a9f7c179593987beb4fb2ee424dbb2f5dd891e228b46c4a');
const G1_WRONG_ORDER_PLUS_G1 =
  fp('0abe7ae4ae2b092a5cc1779b1f5605d904fa6ec59b0f084907d1f5e4d2663e117a3810e027210a72186159a21271df3e') +
  fp('01e1669f00e10205f2e2f1195d65c21022f6a9a6de21f329756309815281a4434b2864d34ebcbc1d7e7cfaaee3feeea2');
const G2 =
  fp('024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8') +
  fp('13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e') +
  fp('0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801') +
  fp('0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be');
const MINUS_G2 =
  fp('024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8') +
  fp('13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e') +
  fp('0d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa') +
  fp('13fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed');
const TWO_G2 =
  fp('1638533957d540a9d2370f17cc7ed5863bc0b995b8825e0ee1ea1e1e4d00dbae81f14b0bf3611b78c952aacab827a053') +
  fp('0a4edef9c1ed7f729f520e47730a124fd70662a904ba1074728114d1031e1572c6c886f6b57ec72a6178288c47c33577') +
  fp('0468fb440d82b0630aeb8dca2b5256789a66da69bf91009cbfe6bd221e47aa8ae88dece9764bf3bd999d95d71e4c9899') +
  fp('0f6d4552fa65dd2638b361543f887136a43253d9c66c411697003f7a13c308f5422e1aa0a59c8967acdefd8b6e36ccf3');
const G1_ZERO = '00'.repeat(128);
const G2_ZERO = '00'.repeat(256);
const FIELD_MODULUS = fp(
  '1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab',
);
const scalar = (value: bigint) => value.toString(16).padStart(64, '0');
const WORD_ONE = `0x${scalar(1n)}`;
const WORD_ZERO = `0x${scalar(0n)}`;

const GAS = 10_000_000n;

/** Runs a precompile in Prague: the output as hex, or the failure status; and the gas it cost. */
function call(address: bigint, inputHex: string, revision: Revision = Revision.Prague) {
  const result = runPrecompile(address, hexToBytes(inputHex), GAS, revision);
  return {
    output: result.status === 'success' ? bytesToHex(result.output) : result.status,
    gasUsed: GAS - result.gasLeft,
  };
}

describe('BLS12-381 precompiles exist from Prague', () => {
  it('at 0x0b-0x11, warm in the access list, absent before', () => {
    for (let address = 0x0bn; address <= 0x11n; address++) {
      expect(isPrecompile(address, Revision.Cancun)).toBe(false);
      expect(isPrecompile(address, Revision.Prague)).toBe(true);
      expect(isPrecompile(address, Revision.Osaka)).toBe(true);
    }
    expect(precompileAddresses(Revision.Prague)).toEqual(
      Array.from({ length: 0x11 }, (_, index) => BigInt(index + 1)),
    );
  });
});

describe('BLS12_G1ADD (0x0b)', () => {
  it('adds G1 points for 375 gas', () => {
    expect(call(0x0bn, G1 + P1)).toEqual({ output: `0x${G1_PLUS_P1}`, gasUsed: 375n });
    expect(call(0x0bn, P1 + G1).output).toBe(`0x${G1_PLUS_P1}`);
    expect(call(0x0bn, G1 + G1).output).toBe(`0x${TWO_G1}`);
  });
  it('treats all-zero bytes as infinity: G + 0 = G, G − G = 0', () => {
    expect(call(0x0bn, G1 + G1_ZERO).output).toBe(`0x${G1}`);
    expect(call(0x0bn, G1 + MINUS_G1).output).toBe(`0x${G1_ZERO}`);
  });
  it('does no subgroup check', () => {
    expect(call(0x0bn, G1_WRONG_ORDER + G1).output).toBe(`0x${G1_WRONG_ORDER_PLUS_G1}`);
  });
  it('fails, consuming all gas, on a wrong length, a point off the curve or a bad field element', () => {
    expect(call(0x0bn, G1 + P1.slice(2))).toEqual({ output: 'precompile-failure', gasUsed: GAS });
    expect(call(0x0bn, `${G1 + P1}00`).output).toBe('precompile-failure');
    expect(call(0x0bn, '').output).toBe('precompile-failure');
    const offCurve = G1.slice(0, 255) + (G1.endsWith('1') ? '2' : '1');
    expect(call(0x0bn, offCurve + G1).output).toBe('precompile-failure');
    // x equal to the modulus; and a non-zero byte in a coordinate's top 16 bytes.
    expect(call(0x0bn, FIELD_MODULUS + G1.slice(128) + G1).output).toBe('precompile-failure');
    expect(call(0x0bn, `01${G1.slice(2)}${G1}`).output).toBe('precompile-failure');
  });
});

describe('BLS12_G2ADD (0x0d)', () => {
  it('adds G2 points for 600 gas', () => {
    expect(call(0x0dn, G2 + G2)).toEqual({ output: `0x${TWO_G2}`, gasUsed: 600n });
    expect(call(0x0dn, G2 + G2_ZERO).output).toBe(`0x${G2}`);
    expect(call(0x0dn, G2 + MINUS_G2).output).toBe(`0x${G2_ZERO}`);
  });
  it('fails on a wrong length or a point off the twist', () => {
    expect(call(0x0dn, G2).output).toBe('precompile-failure');
    const offTwist = G2.slice(0, 511) + (G2.endsWith('e') ? 'f' : 'e');
    expect(call(0x0dn, offTwist + G2).output).toBe('precompile-failure');
  });
});

describe('BLS12_G1MSM (0x0c) and BLS12_G2MSM (0x0e)', () => {
  it('multiplies one pair for the price of one multiplication', () => {
    expect(call(0x0cn, G1 + scalar(2n))).toEqual({ output: `0x${TWO_G1}`, gasUsed: 12000n });
    expect(call(0x0en, G2 + scalar(2n))).toEqual({ output: `0x${TWO_G2}`, gasUsed: 22500n });
  });
  it('sums several pairs; scalars act modulo the group order; zero scalars and infinity add nothing', () => {
    const order = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
    expect(call(0x0cn, G1 + scalar(1n) + G1 + scalar(order + 1n)).output).toBe(`0x${TWO_G1}`);
    expect(call(0x0cn, G1 + scalar(0n) + G1_ZERO + scalar(5n)).output).toBe(`0x${G1_ZERO}`);
    expect(call(0x0cn, G1 + scalar(3n) + MINUS_G1 + scalar(1n)).output).toBe(`0x${TWO_G1}`);
    expect(call(0x0en, G2 + scalar(1n) + G2 + scalar(1n)).output).toBe(`0x${TWO_G2}`);
  });
  it('prices k pairs with the EIP discount table (two pairs: 949 and 1000 thousandths)', () => {
    expect(call(0x0cn, G1 + scalar(1n) + G1 + scalar(1n)).gasUsed).toBe((2n * 12000n * 949n) / 1000n);
    expect(call(0x0en, G2 + scalar(1n) + G2 + scalar(1n)).gasUsed).toBe((2n * 22500n * 1000n) / 1000n);
    // k = 128 takes the last entry (519 / 524), and so does any larger k.
    expect(bls12G1MsmGas(new Uint8Array(160 * 128))).toBe((128n * 12000n * 519n) / 1000n);
    expect(bls12G1MsmGas(new Uint8Array(160 * 200))).toBe((200n * 12000n * 519n) / 1000n);
    expect(bls12G2MsmGas(new Uint8Array(288 * 300))).toBe((300n * 22500n * 524n) / 1000n);
  });
  it('fails on empty input, partial pairs, and points outside the subgroup', () => {
    expect(call(0x0cn, '').output).toBe('precompile-failure');
    expect(call(0x0cn, G1).output).toBe('precompile-failure');
    expect(call(0x0cn, `${G1 + scalar(1n)}00`).output).toBe('precompile-failure');
    expect(call(0x0cn, G1_WRONG_ORDER + scalar(1n)).output).toBe('precompile-failure');
    expect(runBls12G1Msm(hexToBytes(G1_WRONG_ORDER + scalar(0n)))).toBeUndefined();
    expect(runBls12G2Msm(new Uint8Array(0))).toBeUndefined();
  });
});

describe('BLS12_PAIRING_CHECK (0x0f)', () => {
  it('is 1 when the product of pairings is one: e(G1, −G2)·e(G1, G2), e(−G1, G2)·e(G1, G2)', () => {
    expect(call(0x0fn, G1 + MINUS_G2 + G1 + G2)).toEqual({
      output: WORD_ONE,
      gasUsed: 2n * 32600n + 37700n,
    });
    expect(call(0x0fn, MINUS_G1 + G2 + G1 + G2).output).toBe(WORD_ONE);
  });
  it('is 0 otherwise (non-degeneracy: e(G1, G2) ≠ 1)', () => {
    expect(call(0x0fn, G1 + G2)).toEqual({ output: WORD_ZERO, gasUsed: 32600n + 37700n });
    expect(call(0x0fn, G1 + G2 + G1 + G2).output).toBe(WORD_ZERO);
  });
  it('pairs a point at infinity to one', () => {
    expect(call(0x0fn, G1 + G2_ZERO + G1_ZERO + G2).output).toBe(WORD_ONE);
  });
  it('fails on empty input, partial pairs, and points outside the subgroup', () => {
    expect(call(0x0fn, '').output).toBe('precompile-failure');
    expect(call(0x0fn, G1 + G2.slice(2)).output).toBe('precompile-failure');
    expect(call(0x0fn, G1_WRONG_ORDER + G2).output).toBe('precompile-failure');
    expect(bls12PairingGas(new Uint8Array(384 * 3))).toBe(3n * 32600n + 37700n);
  });
});

describe('BLS12_MAP_FP_TO_G1 (0x10) and BLS12_MAP_FP2_TO_G2 (0x11)', () => {
  it('maps a field element to G1 for 5500 gas (map_fp_to_G1_bls.json)', () => {
    expect(
      call(
        0x10n,
        fp(
          '156c8a6a2c184569d69a76be144b5cdc5141d2d2ca4fe341f011e25e3969c55ad9e9b9ce2eb833c81a908e5fa4ac5f03',
        ),
      ),
    ).toEqual({
      output: `0x${fp('184bb665c37ff561a89ec2122dd343f20e0f4cbcaec84e3c3052ea81d1834e192c426074b02ed3dca4e7676ce4ce48ba')}${fp('04407b8d35af4dacc809927071fc0405218f1401a6d15af775810e4e460064bcc9468beeba82fdc751be70476c888bf3')}`,
      gasUsed: 5500n,
    });
    expect(
      call(
        0x10n,
        fp(
          '147e1ed29f06e4c5079b9d14fc89d2820d32419b990c1c7bb7dbea2a36a045124b31ffbde7c99329c05c559af1c6cc82',
        ),
      ).output,
    ).toBe(
      `0x${fp('009769f3ab59bfd551d53a5f846b9984c59b97d6842b20a2c565baa167945e3d026a3755b6345df8ec7e6acb6868ae6d')}${fp('1532c00cf61aa3d0ce3e5aa20c3b531a2abd2c770a790a2613818303c6b830ffc0ecf6c357af3317b9575c567f11cd2c')}`,
    );
  });
  it('maps an Fp2 element to G2 for 23800 gas (map_fp2_to_G2_bls.json)', () => {
    const input =
      fp('07355d25caf6e7f2f0cb2812ca0e513bd026ed09dda65b177500fa31714e09ea0ded3a078b526bed3307f804d4b93b04') +
      fp('02829ce3c021339ccb5caf3e187f6370e1e2a311dec9b75363117063ab2015603ff52c3d3b98f19c2f65575e99e8b78c');
    const expected =
      fp('00e7f4568a82b4b7dc1f14c6aaa055edf51502319c723c4dc2688c7fe5944c213f510328082396515734b6612c4e7bb7') +
      fp('126b855e9e69b1f691f816e48ac6977664d24d99f8724868a184186469ddfd4617367e94527d4b74fc86413483afb35b') +
      fp('0caead0fd7b6176c01436833c79d305c78be307da5f6af6c133c47311def6ff1e0babf57a0fb5539fce7ee12407b0a42') +
      fp('1498aadcf7ae2b345243e281ae076df6de84455d766ab6fcdaad71fab60abb2e8b980a440043cd305db09d283c895e3d');
    expect(call(0x11n, input)).toEqual({ output: `0x${expected}`, gasUsed: 23800n });
  });
  it('fails on a wrong length or an element not below the modulus', () => {
    expect(call(0x10n, FIELD_MODULUS).output).toBe('precompile-failure');
    expect(call(0x10n, `${'00'.repeat(16)}${'01'.repeat(47)}`).output).toBe('precompile-failure');
    expect(call(0x11n, FIELD_MODULUS + fp('00'.repeat(48))).output).toBe('precompile-failure');
    expect(call(0x11n, fp('00'.repeat(48))).output).toBe('precompile-failure');
  });
  it('is not a precompile in Cancun', () => {
    expect(() => runPrecompile(0x10n, concatBytes(), GAS, Revision.Cancun)).toThrow(/not a precompile/);
  });
});
