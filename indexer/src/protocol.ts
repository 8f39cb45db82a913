import { type Abi, type Address, type Hash, decodeEventLog, getAddress, isAddressEqual } from "viem";
import config from "../ponder.config";
import { abis } from "../../app/src/generated/deployedContracts";
import type { FlowContract, FlowLog } from "../../app/src/lib/flows/decode";

/** The indexed contracts' addresses, by contract, from the config (itself from the generated file). */
const addressesOf = (name: keyof typeof config.contracts): Address[] =>
  (config.contracts[name].address as readonly Address[]).map((a) => getAddress(a));

export const pools = addressesOf("FinancingPool");
export const queues = addressesOf("RedemptionQueue");
export const [token] = addressesOf("ReceivableToken");
export const [escrow] = addressesOf("LoanManager");
export const [vault] = addressesOf("CollateralVault");

export const same = (x: Address | undefined | null, y: Address | undefined | null) =>
  Boolean(x && y && isAddressEqual(x, y));

export const isPool = (a: Address | undefined | null) => pools.some((p) => same(p, a));

export const isQueue = (a: Address | undefined | null) => queues.some((q) => same(q, a));

const flowAbis: [FlowContract, Abi, (a: Address) => boolean][] = [
  ["FinancingPool", abis.FinancingPool as Abi, isPool],
  ["RedemptionQueue", abis.RedemptionQueue as Abi, isQueue],
  ["ReceivableToken", abis.ReceivableToken as Abi, (a) => same(a, token)],
  ["LoanManager", abis.LoanManager as Abi, (a) => same(a, escrow)],
  ["CollateralVault", abis.CollateralVault as Abi, (a) => same(a, vault)],
];

interface ReceiptLog {
  address: Address;
  topics: readonly Hash[] | Hash[];
  data: Hash;
  logIndex: number;
}

/** The protocol's logs of one transaction, decoded, in log order (what a flow rule may look at). */
export function decodeReceipt(
  logs: readonly ReceiptLog[],
  tx: Hash,
  blockNumber: bigint,
  timestamp: number,
): FlowLog[] {
  const out: FlowLog[] = [];
  for (const log of logs) {
    const match = flowAbis.find(([, , owns]) => owns(log.address));
    if (!match) continue;
    try {
      const decoded = decodeEventLog({
        abi: match[1],
        topics: log.topics as [Hash, ...Hash[]],
        data: log.data,
      });
      out.push({
        contract: match[0],
        eventName: decoded.eventName ?? "",
        args: decoded.args as unknown as Record<string, unknown>,
        tx,
        blockNumber,
        logIndex: Number(log.logIndex),
        timestamp,
      });
    } catch {
      // An event of an inherited interface this ABI does not list moves no money: skip it.
    }
  }
  return out;
}
