import { createConfig } from "ponder";
import type { Abi, Address } from "viem";
import deployedContracts, { abis } from "../app/src/generated/deployedContracts";

/**
 * What to index comes from the generated contract file the dApp reads (addresses, ABIs and
 * deployment blocks from Ignition's journal): nothing is restated here. The chain and its RPC
 * come from the environment: PONDER_CHAIN_ID (default 31337, the local node) and
 * PONDER_RPC_URL_<id> (default http://127.0.0.1:8545).
 */
const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
const rpc = process.env[`PONDER_RPC_URL_${chainId}`] ?? "http://127.0.0.1:8545";

type Entry = { address: Address; abi: Abi; deployedOnBlock: number };
const deployments = (deployedContracts as unknown as Record<number, Record<string, Entry> | undefined>)[chainId];
if (!deployments) {
  throw new Error(
    `No deployment for chain ${chainId} in app/src/generated/deployedContracts.ts: deploy, then run scripts/gen-contracts.ts.`,
  );
}

/** Every deployment built from `contract` (a pool and its short-tenor sibling share one ABI). */
function all(contract: keyof typeof abis) {
  const entries = Object.values(deployments!).filter((e) => e.abi === (abis[contract] as unknown as Abi));
  if (entries.length === 0) throw new Error(`No ${contract} deployed on chain ${chainId}.`);
  const blocks = entries.map((e) => e.deployedOnBlock).filter((b) => b > 0);
  return {
    chain: "protocol" as const,
    address: entries.map((e) => e.address),
    // Contracts created by another contract are recorded at block 0: start with the earliest known.
    startBlock: blocks.length ? Math.min(...blocks) : firstBlock,
  };
}

const firstBlock = Math.min(
  ...Object.values(deployments)
    .map((e) => e.deployedOnBlock)
    .filter((b) => b > 0),
);

export default createConfig({
  chains: {
    protocol: {
      id: chainId,
      rpc,
      // A local node restarts from block 0 with the same chain id: never trust a cached answer.
      disableCache: chainId === 31337,
      pollingInterval: chainId === 31337 ? 500 : 2_000,
    },
  },
  contracts: {
    IdentityRegistry: { abi: abis.IdentityRegistry, ...all("IdentityRegistry") },
    CreditHistory: { abi: abis.CreditHistory, ...all("CreditHistory") },
    ReceivableToken: { abi: abis.ReceivableToken, ...all("ReceivableToken") },
    FinancingPool: { abi: abis.FinancingPool, ...all("FinancingPool") },
    RedemptionQueue: { abi: abis.RedemptionQueue, ...all("RedemptionQueue") },
    LoanManager: { abi: abis.LoanManager, ...all("LoanManager") },
    CollateralVault: { abi: abis.CollateralVault, ...all("CollateralVault") },
  },
});
