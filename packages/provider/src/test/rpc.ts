// Test helpers: a provider, and a request that resolves to the result or to the error it rejected with.
import { assemble } from '@tandem-evm/opcodes';
import { addressToHex, bytesToHex } from '@tandem-evm/primitives';
import { createProvider, type ProviderOptions, ProviderRpcError, type TandemProvider } from '../index.js';

export interface TestChain {
  readonly provider: TandemProvider;
  /** The result of `method`; throws what the provider rejected with. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON results field by field.
  rpc(method: string, ...params: unknown[]): Promise<any>;
  /** The error `method` rejects with (fails the test if it resolves). */
  rpcError(method: string, ...params: unknown[]): Promise<ProviderRpcError>;
  /** The first dev account. */
  readonly alice: string;
  readonly bob: string;
}

export async function testChain(options: ProviderOptions = {}): Promise<TestChain> {
  const provider = createProvider({ timestamp: 1_700_000_000n, ...options });
  const rpc = (method: string, ...params: unknown[]) => provider.request({ method, params });
  const rpcError = async (method: string, ...params: unknown[]) => {
    try {
      await rpc(method, ...params);
    } catch (error) {
      if (error instanceof ProviderRpcError) return error;
      throw error;
    }
    throw new Error(`${method} did not fail`);
  };
  const [alice, bob] = (await rpc('eth_accounts')) as [string, string];
  return { provider, rpc, rpcError, alice, bob };
}

/** Places `source` (assembled) at `address` with anvil_setCode; returns the address as hex. */
export async function deploy(chain: TestChain, address: bigint, source: string): Promise<string> {
  const hex = addressToHex(address);
  await chain.rpc('anvil_setCode', hex, bytesToHex(assemble(source)));
  return hex;
}
