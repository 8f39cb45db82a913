import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Abi,
  type Address,
  type Hex,
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  stringToHex,
} from "viem";
import { hardhat } from "viem/chains";
import { RPC_URL, root } from "../../scripts/stack.ts";
import { type DemoPartyKey, demoPartyAddress, demoParties, demoPartyWalletIndex } from "../../scripts/demo-parties.ts";
import { entityPairOf } from "../../app/src/lib/receivables.ts";

/**
 * The seeded demo parties (scripts/seed.ts) for the journeys: their addresses, their place in the
 * dev-account wallet, and on-chain set-up done as them through the node, which impersonates them.
 */
const transport = http(RPC_URL);
const publicClient = createPublicClient({ chain: hardhat, transport });

export const walletIndex = demoPartyWalletIndex;

export function partyAddress(key: DemoPartyKey): Address {
  return demoPartyAddress(demoParties.find((p) => p.key === key)!.hdIndex) as Address;
}

export function deployed(name: string): Address {
  const file = join(root, "ignition", "deployments", "chain-31337", "deployed_addresses.json");
  return (JSON.parse(readFileSync(file, "utf8")) as Record<string, Address>)[`Local#${name}`];
}

export function abiOf(source: string, name: string): Abi {
  const file = join(root, "artifacts", "contracts", source, `${name}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as { abi: Abi }).abi;
}

/** Sends a transaction as a demo party (the node signs: it impersonates the party). */
export async function sendAs(key: DemoPartyKey, address: Address, abi: Abi, functionName: string, args: unknown[]) {
  const wallet = createWalletClient({ chain: hardhat, transport, account: partyAddress(key) });
  const hash = await wallet.writeContract({
    address,
    abi,
    functionName,
    args,
    chain: hardhat,
    account: partyAddress(key),
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return receipt;
}

export async function chainNow(): Promise<number> {
  return Number((await publicClient.getBlock()).timestamp);
}

const receivablesAbi = () => abiOf("receivables/ReceivableToken.sol", "ReceivableToken");

/** The SME tokenizes an invoice to the debtor (dollars, due in `dueInDays` of chain time). */
export async function tokenizeAs(
  sme: DemoPartyKey,
  debtor: DemoPartyKey,
  invoiceNumber: string,
  dollars: number,
  dueInDays: number,
): Promise<bigint> {
  const now = await chainNow();
  const documentHash = keccak256(stringToHex(`${invoiceNumber} ${Date.now()} ${Math.random()}`));
  const metadata = Buffer.from(JSON.stringify({ invoiceNumber, description: "Arranged by a journey test" }));
  await sendAs(sme, deployed("ReceivableToken"), receivablesAbi(), "tokenize", [
    {
      debtor: partyAddress(debtor),
      currency: deployed("Stablecoin"),
      faceValue: BigInt(dollars) * 1_000_000n,
      issueDate: now,
      dueDate: now + dueInDays * 86_400,
      documentHash,
      invoiceNumber,
      metadataURI: `data:application/json;base64,${metadata.toString("base64")}`,
    },
  ]);
  return BigInt(documentHash);
}

/**
 * The debtor acknowledges an invoice on chain (a call, not a signature), naming its number (any
 * spelling with the same canonical form), amount and due date.
 */
export async function acknowledgeAs(debtor: DemoPartyKey, tokenId: bigint, invoiceNumber: string) {
  const abi = receivablesAbi();
  const r = (await publicClient.readContract({
    address: deployed("ReceivableToken"),
    abi,
    functionName: "receivable",
    args: [tokenId],
  })) as { faceValue: bigint; dueDate: number; issuerEntity: Hex; debtorEntity: Hex };
  // The entity pair the invoice was tokenized under (nobody re-keyed since).
  const pair = entityPairOf(r);
  await sendAs(debtor, deployed("ReceivableToken"), abi, "acknowledge", [
    tokenId,
    pair,
    invoiceNumber,
    r.faceValue,
    r.dueDate,
  ]);
}

/** The SME requests a loan above its credit limit, so it waits for an underwriter; returns its id. */
export async function requestPendingLoanAs(sme: DemoPartyKey, dollars: number): Promise<bigint> {
  const abi = abiOf("loans/LoanManager.sol", "LoanManager");
  const manager = deployed("LoanManager");
  await sendAs(sme, manager, abi, "request", [
    {
      principal: BigInt(dollars) * 1_000_000n,
      rateBps: 1_500,
      count: 6,
      period: 30 * 86_400,
      kind: 0,
      graceCount: 0,
      collateralToken: "0x0000000000000000000000000000000000000000",
      collateralId: 0n,
      fundingDeadline: (await chainNow()) + 20 * 86_400,
    },
  ]);
  return (await publicClient.readContract({ address: manager, abi, functionName: "loanCount" })) as bigint;
}
