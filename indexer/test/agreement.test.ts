/**
 * The indexer's tables against the chain they were built from, at the block the indexer reports
 * as indexed. Needs a node and an indexer that finished syncing: scripts/indexer-check.ts starts
 * both over the seeded demo and runs this file (INDEXER_URL, RPC_URL).
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { asc, createClient, desc, eq } from "@ponder/client";
import { type Address, createPublicClient, erc20Abi, getAddress, http, isAddress } from "viem";
import { hardhat } from "viem/chains";
import deployedContracts, { abis, enums } from "../../app/src/generated/deployedContracts.ts";
import { decodeFlows, type FlowLog, eventsOf, type FlowContract } from "../../app/src/lib/flows/decode.ts";
import { flowRowOf } from "../../app/src/lib/flows/indexed.ts";
import type { FlowRow } from "../../app/src/lib/flows/model.ts";
import { kindLabels } from "../../app/src/lib/flows/model.ts";
import { reconcile } from "../../app/src/lib/flows/reconcile.ts";
import * as schema from "../ponder.schema.ts";

const indexerUrl = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
const chain = createPublicClient({ chain: hardhat, transport: http(process.env.RPC_URL ?? "http://127.0.0.1:8545") });
const db = createClient(`${indexerUrl}/sql`, { schema }).db;
const deployed = deployedContracts[31337];

let atBlock: bigint;
let flows: FlowRow[];

const hex = (x: string) => x as Address;

before(async () => {
  const status = (await (await fetch(`${indexerUrl}/status`)).json()) as { protocol: { block: { number: number } } };
  atBlock = BigInt(status.protocol.block.number);
  assert.equal(atBlock, await chain.getBlockNumber(), "the indexer has caught up with the chain");
  const rows = await db.select().from(schema.flow).orderBy(asc(schema.flow.blockNumber), asc(schema.flow.logIndex));
  // The same mapping the dApp applies to the rows it reads.
  flows = rows.map(flowRowOf);
  assert.ok(flows.length > 0, "the seeded chain moved money");
});

const pools: Address[] = [deployed.FinancingPool.address, deployed.ShortTenorPool.address];
const queues: Address[] = [deployed.RedemptionQueue.address, deployed.ShortTenorRedemptionQueue.address];
const escrow = deployed.LoanManager.address;
const vault = deployed.CollateralVault.address;
/** The block a contract was deployed in (0 for contracts another contract created). */
const deployedOn = (address: Address) =>
  Object.values(deployed).find((d) => getAddress(d.address) === getAddress(address))!.deployedOnBlock;

test("every pool's money reconciles: flows from the indexer explain each balance the chain reports", async () => {
  const asset = await chain.readContract({
    abi: abis.FinancingPool,
    address: pools[0]!,
    functionName: "asset",
    blockNumber: atBlock,
  });
  const balance = (account: Address) =>
    chain.readContract({
      abi: erc20Abi,
      address: asset,
      functionName: "balanceOf",
      args: [account],
      blockNumber: atBlock,
    });
  for (const [i, pool] of pools.entries()) {
    const nav = await chain.readContract({
      abi: abis.FinancingPool,
      address: pool,
      functionName: "navBreakdown",
      blockNumber: atBlock,
    });
    const identities = reconcile(
      flows,
      {
        poolStablecoin: await balance(pool),
        poolBookedCash: nav.cash,
        poolPrincipal: nav.principalOutstanding,
        escrowStablecoin: await balance(escrow),
        vaultStablecoin: await balance(vault),
        queueStablecoin: await balance(queues[i]!),
      },
      { pool, escrow, vault, queue: queues[i] },
      kindLabels,
    );
    for (const id of identities)
      assert.equal(id.difference, 0n, `${pool} ${id.title}: ${id.rebuilt} rebuilt, ${id.onChain} on chain`);
  }
});

test("the flow table holds exactly the rows the dApp's rules make from the first pool's logs", async () => {
  const pool = pools[0]!;
  const contracts: [FlowContract, Address][] = [
    ["FinancingPool", pool],
    ["RedemptionQueue", queues[0]!],
    ["ReceivableToken", deployed.ReceivableToken.address],
    ["LoanManager", escrow],
    ["CollateralVault", vault],
  ];
  const logs: FlowLog[] = [];
  for (const [contract, address] of contracts) {
    const wanted = new Set(eventsOf(contract));
    const found = await chain.getContractEvents({ abi: abis[contract], address, fromBlock: 0n, toBlock: atBlock });
    for (const l of found) {
      if (!wanted.has(l.eventName)) continue;
      const block = await chain.getBlock({ blockNumber: l.blockNumber });
      logs.push({
        contract,
        eventName: l.eventName,
        args: l.args as Record<string, unknown>,
        tx: l.transactionHash,
        blockNumber: l.blockNumber,
        logIndex: l.logIndex,
        timestamp: Number(block.timestamp),
      });
    }
  }
  const expected = decodeFlows(logs, { pool, escrow, vault, queue: queues[0] });
  const indexed = new Map(flows.map((f) => [f.id, f]));
  // Rows of the other pool are the indexer's too; every row the first pool's view makes must be there, equal.
  for (const row of expected) {
    const got = indexed.get(row.id);
    assert.ok(got, `row ${row.id} (${row.source}) is indexed`);
    // Seen from the first pool, the other pool is a lender or an SME-side holder: its rows differ by design.
    if (pools.slice(1).some((p) => p === getAddress(row.from) || p === getAddress(row.to))) continue;
    assert.deepEqual(
      { kind: got.kind, from: getAddress(got.from), to: getAddress(got.to), amount: got.amount, parts: got.parts },
      { kind: row.kind, from: getAddress(row.from), to: getAddress(row.to), amount: row.amount, parts: row.parts },
      row.id,
    );
  }
});

test("every invoice's status, amounts and financing pool agree with the token and the pools", async () => {
  const invoices = await db.select().from(schema.invoice);
  assert.ok(invoices.length > 0);
  for (const inv of invoices) {
    const r = await chain.readContract({
      abi: abis.ReceivableToken,
      address: deployed.ReceivableToken.address,
      functionName: "receivable",
      args: [inv.tokenId],
      blockNumber: atBlock,
    });
    assert.equal(inv.status, enums["IReceivableToken.Status"][r.status], `invoice ${inv.tokenId} status`);
    assert.equal(inv.faceValue, r.faceValue, `invoice ${inv.tokenId} face`);
    assert.equal(inv.amountPaid, r.amountPaid, `invoice ${inv.tokenId} paid`);
    assert.equal(inv.amountAttested, r.amountAttested, `invoice ${inv.tokenId} attested`);
    assert.equal(inv.dueDate, BigInt(r.dueDate), `invoice ${inv.tokenId} due`);
    // A cancelled invoice's token is burned: no holder, and ownerOf reverts.
    const holder =
      inv.status === "Cancelled"
        ? null
        : await chain.readContract({
            abi: abis.ReceivableToken,
            address: deployed.ReceivableToken.address,
            functionName: "ownerOf",
            args: [inv.tokenId],
            blockNumber: atBlock,
          });
    assert.equal(inv.holder === null ? null : getAddress(inv.holder), holder, `invoice ${inv.tokenId} holder`);
    for (const pool of pools) {
      const asset = await chain.readContract({
        abi: abis.FinancingPool,
        address: pool,
        functionName: "assetOf",
        args: [inv.tokenId],
        blockNumber: atBlock,
      });
      const financedHere = asset.status !== 0;
      assert.equal(
        inv.pool !== null && getAddress(inv.pool) === pool,
        financedHere,
        `invoice ${inv.tokenId} financed by ${pool}`,
      );
      if (financedHere) assert.equal(inv.advance, asset.advance, `invoice ${inv.tokenId} advance`);
    }
  }
});

test("every invoice's history is the token's own logs for it, plus the pools' financing, in chain order", async () => {
  const logs = [
    ...(await chain.getContractEvents({
      abi: abis.ReceivableToken,
      address: deployed.ReceivableToken.address,
      fromBlock: BigInt(deployed.ReceivableToken.deployedOnBlock),
      toBlock: atBlock,
    })),
    ...(await chain.getContractEvents({
      abi: abis.FinancingPool,
      address: pools,
      eventName: "ReceivableFinanced",
      fromBlock: BigInt(deployed.ReceivableToken.deployedOnBlock),
      toBlock: atBlock,
    })),
  ]
    // Approvals move nothing and change no invoice: the history leaves them out.
    .filter((l) => typeof (l.args as { tokenId?: unknown }).tokenId === "bigint" && l.eventName !== "Approval")
    .sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  const rows = await db
    .select()
    .from(schema.invoiceEvent)
    .orderBy(asc(schema.invoiceEvent.blockNumber), asc(schema.invoiceEvent.logIndex));
  // As JSON holds them (integers as decimal strings), addresses compared whatever their case.
  const plain = (args: object) =>
    Object.fromEntries(
      Object.entries(args).map(([k, v]) => [
        k,
        typeof v === "bigint" ? v.toString() : typeof v === "string" && isAddress(v) ? getAddress(v) : v,
      ]),
    );
  assert.equal(rows.length, logs.length, "one history row per log");
  logs.forEach((log, i) => {
    const row = rows[i]!;
    const extra = log.eventName === "ReceivableFinanced" ? { pool: log.address } : {};
    assert.deepEqual(
      { tx: row.tx, logIndex: row.logIndex, event: row.event, tokenId: row.tokenId, args: plain(row.args) },
      {
        tx: log.transactionHash,
        logIndex: log.logIndex,
        event: log.eventName,
        tokenId: (log.args as { tokenId: bigint }).tokenId,
        args: plain({ ...log.args, ...extra }),
      },
      `${log.transactionHash}-${log.logIndex}`,
    );
  });
});

test("every investor's shares and queued shares agree with the pool and its queue", async () => {
  const positions = await db.select().from(schema.position);
  assert.ok(positions.length > 0);
  for (const p of positions) {
    const i = pools.indexOf(getAddress(p.pool));
    assert.ok(i >= 0, `position in a known pool ${p.pool}`);
    const shares = await chain.readContract({
      abi: abis.FinancingPool,
      address: pools[i]!,
      functionName: "balanceOf",
      args: [hex(p.investor)],
      blockNumber: atBlock,
    });
    const pending = await chain.readContract({
      abi: abis.RedemptionQueue,
      address: queues[i]!,
      functionName: "pendingRedeemRequest",
      args: [0n, hex(p.investor)],
      blockNumber: atBlock,
    });
    assert.equal(p.shares, shares, `${p.investor} shares in ${p.pool}`);
    assert.equal(p.queuedShares, pending, `${p.investor} pending in ${p.pool}'s queue`);
  }
});

test("every investor's withdrawn is the stablecoin its pool and queue paid it, a claimed queued redemption once", async () => {
  // Read from the stablecoin's own Transfer logs, not the Withdraw events the table folds (issue 23:
  // a queued exit is the queue's claim only; counting anything else too would show here).
  const asset = await chain.readContract({ abi: abis.FinancingPool, address: pools[0]!, functionName: "asset" });
  const fromBlock = BigInt(Math.min(...pools.map((p) => deployedOn(p))));
  const positions = await db.select().from(schema.position);
  let queuedClaims = 0;
  for (const [i, pool] of pools.entries()) {
    const paid = await chain.getContractEvents({
      abi: erc20Abi,
      address: asset,
      eventName: "Transfer",
      args: { from: [pool, queues[i]!] },
      fromBlock,
      toBlock: atBlock,
    });
    for (const p of positions.filter((row) => getAddress(row.pool) === pool)) {
      const toInvestor = paid.filter((t) => getAddress(t.args.to!) === getAddress(p.investor));
      const total = toInvestor.reduce((sum, t) => sum + t.args.value!, 0n);
      queuedClaims += toInvestor.filter((t) => getAddress(t.args.from!) === getAddress(queues[i]!)).length;
      assert.equal(p.withdrawn, total, `${p.investor} withdrawn from ${pool}`);
    }
  }
  assert.ok(queuedClaims > 0, "the seed claims a queued redemption, so the check covers one");
});

test("every loan's status, funding and impairment agree with the loan manager", async () => {
  const loans = await db.select().from(schema.loan);
  assert.ok(loans.length > 0);
  for (const l of loans) {
    const onChain = await chain.readContract({
      abi: abis.LoanManager,
      address: escrow,
      functionName: "loan",
      args: [l.loanId],
      blockNumber: atBlock,
    });
    assert.equal(l.status, enums["ILoanManager.Status"][onChain.status], `loan ${l.loanId} status`);
    assert.equal(l.funded, onChain.funded, `loan ${l.loanId} funded`);
    assert.equal(l.impaired, onChain.impaired, `loan ${l.loanId} impaired`);
    assert.equal(getAddress(l.borrower), onChain.borrower, `loan ${l.loanId} borrower`);
  }
});

test("every party's roles, entity and standing agree with the identity registry", async () => {
  const parties = await db.select().from(schema.party);
  assert.ok(parties.length > 0);
  for (const p of parties) {
    const [identity] = await chain.readContract({
      abi: abis.IdentityRegistry,
      address: deployed.IdentityRegistry.address,
      functionName: "identityOf",
      args: [hex(p.address)],
      blockNumber: atBlock,
    });
    if (p.revoked) {
      assert.equal(identity.roles, 0, `${p.address} revoked`);
      continue;
    }
    assert.equal(p.roles, identity.roles, `${p.address} roles`);
    assert.equal(p.entity, identity.entityId, `${p.address} entity`);
  }
  const providers = new Set(parties.map((p) => getAddress(p.provider)));
  const standings = await db.select().from(schema.identityProvider);
  for (const s of standings) providers.add(getAddress(s.address));
  for (const provider of providers) {
    const suspended = await chain.readContract({
      abi: abis.IdentityRegistry,
      address: deployed.IdentityRegistry.address,
      functionName: "isProviderSuspended",
      args: [provider],
      blockNumber: atBlock,
    });
    const row = standings.find((s) => getAddress(s.address) === provider);
    assert.equal(row?.suspended ?? false, suspended, `provider ${provider} suspended`);
  }
});

test("the pool snapshot at the indexed block is the pool's own NAV at that block", async () => {
  for (const pool of pools) {
    const [last] = await db
      .select()
      .from(schema.poolSnapshot)
      .where(eq(schema.poolSnapshot.pool, pool))
      .orderBy(desc(schema.poolSnapshot.blockNumber))
      .limit(1);
    assert.ok(last, `a snapshot of ${pool}`);
    const nav = await chain.readContract({
      abi: abis.FinancingPool,
      address: pool,
      functionName: "navBreakdown",
      blockNumber: last.blockNumber,
    });
    assert.equal(last.netAssets, nav.netAssets);
    assert.equal(last.cash, nav.cash);
    // The dApp's share price and utilization charts read these two columns.
    const at = { abi: abis.FinancingPool, address: pool, blockNumber: last.blockNumber } as const;
    assert.equal(last.sharePrice, await chain.readContract({ ...at, functionName: "sharePrice" }));
    assert.equal(
      BigInt(last.utilizationBps),
      await chain.readContract({ ...at, functionName: "utilizationBps" }),
      `${pool} utilization at block ${last.blockNumber}`,
    );
  }
});
