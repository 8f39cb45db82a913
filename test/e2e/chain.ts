import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Abi, type Address, createPublicClient, createWalletClient, http, keccak256, stringToHex } from "viem";
import { hardhat } from "viem/chains";
import { RPC_URL, root, rpc } from "../../scripts/stack.ts";

/**
 * Arranges on-chain preconditions for a browser test through the node's unlocked dev accounts
 * (what an admin or KYC provider would have done earlier), so each spec starts from a known state.
 */
const transport = http(RPC_URL);
const publicClient = createPublicClient({ chain: hardhat, transport });

function deployed(name: string): Address {
  const file = join(root, "ignition", "deployments", "chain-31337", "deployed_addresses.json");
  return (JSON.parse(readFileSync(file, "utf8")) as Record<string, Address>)[`Local#${name}`];
}

function abiOf(source: string, name: string): Abi {
  const file = join(root, "artifacts", "contracts", source, `${name}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as { abi: Abi }).abi;
}

async function send(from: number, address: Address, abi: Abi, functionName: string, args: unknown[]) {
  const wallet = createWalletClient({ chain: hardhat, transport, account: await devAccount(from) });
  const hash = await wallet.writeContract({ address, abi, functionName, args, chain: hardhat });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
}

export async function devAccount(index: number): Promise<Address> {
  return (await rpc<Address[]>("eth_accounts"))[index];
}

/** Dev account #1 (the KYC provider) verifies `index` with `roles` for one year. */
export async function verifyParty(index: number, roles: number, company: string) {
  const account = await devAccount(index);
  const block = await publicClient.getBlock();
  const expiry = Number(block.timestamp) + 365 * 86_400;
  const abi = abiOf("identity/IdentityRegistry.sol", "IdentityRegistry");
  const entity = keccak256(stringToHex(company));
  await send(1, deployed("IdentityRegistry"), abi, "verify", [account, roles, 404, expiry, entity]);
  return account;
}

/** Dev account #0 (DemoUSD owner) mints `amount` base units to dev account `index`. */
export async function mintDemoUsd(index: number, amount: bigint) {
  const abi = abiOf("token/DemoUSD.sol", "DemoUSD");
  await send(0, deployed("Stablecoin"), abi, "mint", [await devAccount(index), amount]);
}

/**
 * The SME (dev account `smeIndex`) tokenizes an invoice of `face` base units to the debtor,
 * due `dueInDays` from chain time, and the debtor acknowledges it on chain. Returns the
 * document hash (the token id, which is also the invoice page's address).
 */
export async function tokenizeAcknowledged(
  smeIndex: number,
  debtorIndex: number,
  invoiceNumber: string,
  face: bigint,
  dueInDays: number,
): Promise<`0x${string}`> {
  const abi = abiOf("receivables/ReceivableToken.sol", "ReceivableToken");
  const receivables = deployed("ReceivableToken");
  const block = await publicClient.getBlock();
  const documentHash = keccak256(stringToHex(`${invoiceNumber} ${Date.now()} ${Math.random()}`));
  const metadata = Buffer.from(JSON.stringify({ invoiceNumber, description: "Arranged by the pool test" }));
  await send(smeIndex, receivables, abi, "tokenize", [
    {
      debtor: await devAccount(debtorIndex),
      currency: deployed("Stablecoin"),
      faceValue: face,
      issueDate: Number(block.timestamp),
      dueDate: Number(block.timestamp) + dueInDays * 86_400,
      documentHash,
      invoiceNumberHash: keccak256(stringToHex(invoiceNumber.trim().toUpperCase())),
      metadataURI: `data:application/json;base64,${metadata.toString("base64")}`,
    },
  ]);
  const receivable = (await publicClient.readContract({
    address: receivables,
    abi,
    functionName: "receivable",
    args: [BigInt(documentHash)],
  })) as { termsVersion: number };
  await send(debtorIndex, receivables, abi, "acknowledge", [BigInt(documentHash), receivable.termsVersion]);
  return documentHash;
}
