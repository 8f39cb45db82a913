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
import { RPC_URL, root, rpc } from "../../scripts/stack.ts";
import { entityPairOf } from "../../app/src/lib/receivables.ts";

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
      invoiceNumber,
      metadataURI: `data:application/json;base64,${metadata.toString("base64")}`,
    },
  ]);
  const receivable = (await publicClient.readContract({
    address: receivables,
    abi,
    functionName: "receivable",
    args: [BigInt(documentHash)],
  })) as { faceValue: bigint; dueDate: number; issuerEntity: Hex; debtorEntity: Hex };
  // The debtor names the number, amount and due date it confirms (any spelling of the number),
  // under the entity pair the invoice was tokenized under.
  const pair = entityPairOf(receivable);
  await send(debtorIndex, receivables, abi, "acknowledge", [
    BigInt(documentHash),
    pair,
    invoiceNumber,
    receivable.faceValue,
    receivable.dueDate,
  ]);
  return documentHash;
}

// ---- Arrangements for the dashboards spec (loans, pool deposits, financing, payments). ----

/** Like verifyParty, with the verification running out after `days` days of chain time. */
export async function verifyPartyFor(index: number, roles: number, company: string, days: number) {
  const account = await devAccount(index);
  const block = await publicClient.getBlock();
  const abi = abiOf("identity/IdentityRegistry.sol", "IdentityRegistry");
  const entity = keccak256(stringToHex(company));
  await send(1, deployed("IdentityRegistry"), abi, "verify", [
    account,
    roles,
    404,
    Number(block.timestamp) + days * 86_400,
    entity,
  ]);
  return account;
}

/** The SME (dev account `smeIndex`) tokenizes an invoice the debtor has not acknowledged yet. */
export async function tokenizeIssued(
  smeIndex: number,
  debtorIndex: number,
  invoiceNumber: string,
  face: bigint,
  dueInDays: number,
): Promise<`0x${string}`> {
  const abi = abiOf("receivables/ReceivableToken.sol", "ReceivableToken");
  const block = await publicClient.getBlock();
  const documentHash = keccak256(stringToHex(`${invoiceNumber} ${Date.now()} ${Math.random()}`));
  const metadata = Buffer.from(JSON.stringify({ invoiceNumber, description: "Arranged by the dashboards test" }));
  await send(smeIndex, deployed("ReceivableToken"), abi, "tokenize", [
    {
      debtor: await devAccount(debtorIndex),
      currency: deployed("Stablecoin"),
      faceValue: face,
      issueDate: Number(block.timestamp),
      dueDate: Number(block.timestamp) + dueInDays * 86_400,
      documentHash,
      invoiceNumber,
      metadataURI: `data:application/json;base64,${metadata.toString("base64")}`,
    },
  ]);
  return documentHash;
}

/** The debtor (dev account `debtorIndex`) approves and pays `amount` of the invoice. */
export async function payInvoice(debtorIndex: number, documentHash: `0x${string}`, amount: bigint) {
  const receivables = deployed("ReceivableToken");
  await send(debtorIndex, deployed("Stablecoin"), abiOf("token/DemoUSD.sol", "DemoUSD"), "approve", [
    receivables,
    amount,
  ]);
  const abi = abiOf("receivables/ReceivableToken.sol", "ReceivableToken");
  await send(debtorIndex, receivables, abi, "pay", [BigInt(documentHash), amount]);
}

/** The investor (dev account `index`) deposits `amount` into the pool of Ignition id `poolId`. */
export async function depositToPool(index: number, amount: bigint, poolId = "FinancingPool") {
  const pool = deployed(poolId);
  await send(index, deployed("Stablecoin"), abiOf("token/DemoUSD.sol", "DemoUSD"), "approve", [pool, amount]);
  const abi = abiOf("pool/FinancingPool.sol", "FinancingPool");
  await send(index, pool, abi, "deposit", [amount, await devAccount(index)]);
}

/** The pool shares dev account `index` holds. */
export async function poolShares(index: number, poolId = "FinancingPool"): Promise<bigint> {
  return (await publicClient.readContract({
    address: deployed(poolId),
    abi: abiOf("pool/FinancingPool.sol", "FinancingPool"),
    functionName: "balanceOf",
    args: [await devAccount(index)],
  })) as bigint;
}

/**
 * The investor (dev account `index`) queues `shares` of the pool for redemption, has the queue
 * filled from the pool's free cash and claims what it was paid (ERC-7540's two steps); returns the
 * assets the claim paid.
 */
export async function redeemThroughQueue(index: number, shares: bigint, poolId = "FinancingPool"): Promise<bigint> {
  const pool = deployed(poolId);
  const poolAbi = abiOf("pool/FinancingPool.sol", "FinancingPool");
  const queueAbi = abiOf("pool/RedemptionQueue.sol", "RedemptionQueue");
  const owner = await devAccount(index);
  const queue = (await publicClient.readContract({
    address: pool,
    abi: poolAbi,
    functionName: "redemptionQueue",
  })) as Address;
  await send(index, queue, queueAbi, "requestRedeem", [shares, owner, owner]);
  await send(index, pool, poolAbi, "processQueue", [10n]);
  const claimable = (await publicClient.readContract({
    address: queue,
    abi: queueAbi,
    functionName: "maxWithdraw",
    args: [owner],
  })) as bigint;
  if (claimable === 0n) throw new Error("the queue was not filled: no free cash in the pool?");
  await send(index, queue, queueAbi, "withdraw", [claimable, owner, owner]);
  return claimable;
}

/** The company (identity entity) the registry maps dev account `index` to. */
export async function entityOf(index: number): Promise<`0x${string}`> {
  return (await publicClient.readContract({
    address: deployed("IdentityRegistry"),
    abi: abiOf("identity/IdentityRegistry.sol", "IdentityRegistry"),
    functionName: "entityOf",
    args: [await devAccount(index)],
  })) as `0x${string}`;
}

/** The address of the pool of Ignition id `poolId`. */
export function poolAddress(poolId = "FinancingPool"): Address {
  return deployed(poolId);
}

/** The SME sends its acknowledged invoice to a pool, which finances it in the same transaction. */
export async function financeInvoice(smeIndex: number, documentHash: `0x${string}`, poolId = "FinancingPool") {
  const abi = abiOf("receivables/ReceivableToken.sol", "ReceivableToken");
  const minAdvance = `0x${"0".repeat(64)}`;
  await send(smeIndex, deployed("ReceivableToken"), abi, "safeTransferFrom", [
    await devAccount(smeIndex),
    deployed(poolId),
    BigInt(documentHash),
    minAdvance,
  ]);
}

/** The borrower requests a 3 × 30-day amortizing loan at 12 %; returns its id (Pending or Funding). */
export async function requestLoan(borrowerIndex: number, principal: bigint): Promise<bigint> {
  const manager = deployed("LoanManager");
  const abi = abiOf("loans/LoanManager.sol", "LoanManager");
  const block = await publicClient.getBlock();
  await send(borrowerIndex, manager, abi, "request", [
    {
      principal,
      rateBps: 1200,
      count: 3,
      period: 30 * 86_400,
      kind: 0,
      graceCount: 0,
      collateralToken: "0x0000000000000000000000000000000000000000",
      collateralId: 0n,
      fundingDeadline: Number(block.timestamp) + 7 * 86_400,
    },
  ]);
  // Ids count up from 1: the newest loan's id is the count.
  return (await publicClient.readContract({ address: manager, abi, functionName: "loanCount" })) as bigint;
}

/** Underwriter #3 approves a pending loan at the terms asked (12 %): it opens for funding. */
export async function approveLoan(loanId: bigint, principal: bigint) {
  const abi = abiOf("loans/LoanManager.sol", "LoanManager");
  await send(3, deployed("LoanManager"), abi, "approve", [loanId, principal, 1200]);
}

/** The borrower draws the fully funded loan down. */
export async function drawdownLoan(borrowerIndex: number, loanId: bigint) {
  await send(borrowerIndex, deployed("LoanManager"), abiOf("loans/LoanManager.sol", "LoanManager"), "drawdown", [
    loanId,
  ]);
}

/** `payerIndex` approves and repays `amount` toward the loan (the manager takes only what is owed). */
export async function repayLoan(payerIndex: number, loanId: bigint, amount: bigint) {
  const manager = deployed("LoanManager");
  await send(payerIndex, deployed("Stablecoin"), abiOf("token/DemoUSD.sol", "DemoUSD"), "approve", [manager, amount]);
  await send(payerIndex, manager, abiOf("loans/LoanManager.sol", "LoanManager"), "repay", [loanId, amount]);
}

/** Underwriter #3 approves, the lender funds all of it and the borrower draws it down. */
export async function activateLoan(loanId: bigint, borrowerIndex: number, lenderIndex: number, principal: bigint) {
  const manager = deployed("LoanManager");
  const abi = abiOf("loans/LoanManager.sol", "LoanManager");
  await send(3, manager, abi, "approve", [loanId, principal, 1200]);
  await send(lenderIndex, deployed("Stablecoin"), abiOf("token/DemoUSD.sol", "DemoUSD"), "approve", [
    manager,
    principal,
  ]);
  await send(lenderIndex, manager, abi, "fund", [loanId, principal]);
  await send(borrowerIndex, manager, abi, "drawdown", [loanId]);
}

/** Sum of a pool's Deposit events (what the auditor's deposit total must equal), or one owner's. */
export async function poolDepositTotal(ownerIndex?: number, poolId = "FinancingPool"): Promise<bigint> {
  const abi = abiOf("pool/FinancingPool.sol", "FinancingPool");
  const owner = ownerIndex === undefined ? undefined : await devAccount(ownerIndex);
  const logs = await publicClient.getContractEvents({
    address: deployed(poolId),
    abi,
    eventName: "Deposit",
    fromBlock: 0n,
  });
  return logs
    .map((l) => l.args as { owner: Address; assets: bigint })
    .filter((a) => owner === undefined || a.owner.toLowerCase() === owner.toLowerCase())
    .reduce((sum, a) => sum + a.assets, 0n);
}

/** Sum of a pool's ReceivableFinanced advances (what the auditor's "advanced to SMEs" must equal). */
export async function poolAdvanceTotal(poolId = "FinancingPool"): Promise<bigint> {
  const logs = await publicClient.getContractEvents({
    address: deployed(poolId),
    abi: abiOf("pool/FinancingPool.sol", "FinancingPool"),
    eventName: "ReceivableFinanced",
    fromBlock: 0n,
  });
  return logs.reduce((sum, l) => sum + (l.args as { advance: bigint }).advance, 0n);
}

/** A loan's status as the manager stores it (ILoanManager.Status: 4 Active, 6 Defaulted). */
export async function loanStatus(loanId: bigint): Promise<number> {
  const loan = (await publicClient.readContract({
    address: deployed("LoanManager"),
    abi: abiOf("loans/LoanManager.sol", "LoanManager"),
    functionName: "loan",
    args: [loanId],
  })) as { status: number };
  return loan.status;
}

/** The pool's NAV breakdown (IFinancingPool.navBreakdown). */
export async function poolNav(): Promise<{ impaired: bigint; grossAssets: bigint; netAssets: bigint }> {
  const abi = abiOf("pool/FinancingPool.sol", "FinancingPool");
  return (await publicClient.readContract({
    address: deployed("FinancingPool"),
    abi,
    functionName: "navBreakdown",
  })) as { impaired: bigint; grossAssets: bigint; netAssets: bigint };
}

/** The advance a pool paid for a financed invoice (IFinancingPool.assetOf). */
export async function financedAdvance(documentHash: `0x${string}`, poolId = "FinancingPool"): Promise<bigint> {
  const abi = abiOf("pool/FinancingPool.sol", "FinancingPool");
  const asset = (await publicClient.readContract({
    address: deployed(poolId),
    abi,
    functionName: "assetOf",
    args: [BigInt(documentHash)],
  })) as { advance: bigint };
  return asset.advance;
}

// ---- Time travel, undone at the end of the spec that uses it so later specs see today's clock. ----

/** Takes a snapshot of the whole chain (state and clock); `revertTo` returns to it. */
export async function snapshot(): Promise<string> {
  return rpc<string>("evm_snapshot");
}

export async function revertTo(id: string) {
  if (!(await rpc<boolean>("evm_revert", [id]))) throw new Error(`snapshot ${id} is gone`);
}

/** Moves the chain's clock `days` forward and mines a block at the new time. */
export async function advanceDays(days: number) {
  await rpc("evm_increaseTime", [days * 86_400]);
  await rpc("evm_mine");
}
