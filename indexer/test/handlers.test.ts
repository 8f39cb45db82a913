/**
 * Handler tests, from the chain's side: every log the protocol's contracts emitted up to the
 * indexed block, read back from the node, and for each event kind the rows its handler must have
 * written (on PGlite: scripts/indexer-check.ts runs this after the sync). A kind that reaches the
 * chain with no expectation here fails the test, so a new event cannot be left unchecked.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { createClient } from "@ponder/client";
import { type Abi, type Address, type Hash, createPublicClient, getAddress, http } from "viem";
import { hardhat } from "viem/chains";
import deployedContracts, { abis } from "../../app/src/generated/deployedContracts.ts";
import { type FlowContract, decodeFlows, eventsOf } from "../../app/src/lib/flows/decode.ts";
import * as schema from "../ponder.schema.ts";

const indexerUrl = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
const chain = createPublicClient({ chain: hardhat, transport: http(process.env.RPC_URL ?? "http://127.0.0.1:8545") });
const db = createClient(`${indexerUrl}/sql`, { schema }).db;

const indexed = [
  "IdentityRegistry",
  "CreditHistory",
  "ReceivableToken",
  "FinancingPool",
  "RedemptionQueue",
  "LoanManager",
  "CollateralVault",
] as const;
type Contract = (typeof indexed)[number];

interface Log {
  contract: Contract;
  address: Address;
  eventName: string;
  args: Record<string, unknown>;
  tx: Hash;
  blockNumber: bigint;
  logIndex: number;
}

let logs: Log[] = [];
const key = (tx: string, logIndex: number) => `${tx.toLowerCase()}:${logIndex}`;
const rows = {
  invoiceEvents: new Map<string, { tokenId: bigint; name: string; event: string }>(),
  loanEvents: new Map<string, { loanId: bigint; name: string }>(),
  redemptions: new Map<string, { controller: string; kind: string }>(),
  flows: new Set<string>(),
  credit: new Map<string, number>(),
  snapshots: new Set<string>(),
  invoices: new Map<bigint, { pool: string | null; updatedBlock: bigint }>(),
  loans: new Set<bigint>(),
  parties: new Map<string, { entity: string; revoked: boolean }>(),
  positions: new Set<string>(),
  pools: new Set<string>(),
};

before(async () => {
  const status = (await (await fetch(`${indexerUrl}/status`)).json()) as { protocol: { block: { number: number } } };
  const atBlock = BigInt(status.protocol.block.number);
  const deployments = Object.values(
    (deployedContracts as unknown as Record<number, Record<string, { address: Address; abi: Abi }>>)[31337]!,
  );
  for (const contract of indexed) {
    const addresses = deployments.filter((d) => d.abi === (abis[contract] as unknown as Abi)).map((d) => d.address);
    const found = await chain.getContractEvents({
      abi: abis[contract] as Abi,
      address: addresses,
      fromBlock: 0n,
      toBlock: atBlock,
    });
    for (const l of found) {
      if (!("eventName" in l) || !l.eventName) continue;
      logs.push({
        contract,
        address: getAddress(l.address),
        eventName: l.eventName,
        args: (l.args ?? {}) as Record<string, unknown>,
        tx: l.transactionHash,
        blockNumber: l.blockNumber,
        logIndex: l.logIndex,
      });
    }
  }
  logs = logs.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  for (const r of await db.select().from(schema.invoiceEvent))
    rows.invoiceEvents.set(key(r.tx, r.logIndex), { tokenId: r.tokenId, name: r.name, event: r.event });
  for (const r of await db.select().from(schema.loanEvent))
    rows.loanEvents.set(key(r.tx, r.logIndex), { loanId: r.loanId, name: r.name });
  for (const r of await db.select().from(schema.redemption))
    rows.redemptions.set(key(r.tx, r.logIndex), { controller: r.controller, kind: r.kind });
  for (const r of await db.select({ id: schema.flow.id }).from(schema.flow)) rows.flows.add(r.id.toLowerCase());
  for (const r of await db.select().from(schema.creditEvent))
    rows.credit.set(r.tx.toLowerCase(), (rows.credit.get(r.tx.toLowerCase()) ?? 0) + 1);
  for (const r of await db.select().from(schema.poolSnapshot))
    rows.snapshots.add(`${r.pool.toLowerCase()}:${r.blockNumber}`);
  for (const r of await db.select().from(schema.invoice))
    rows.invoices.set(r.tokenId, { pool: r.pool, updatedBlock: r.updatedBlock });
  for (const r of await db.select({ loanId: schema.loan.loanId }).from(schema.loan)) rows.loans.add(r.loanId);
  for (const r of await db.select().from(schema.party))
    rows.parties.set(r.address.toLowerCase(), { entity: r.entity, revoked: r.revoked });
  for (const r of await db.select().from(schema.position))
    rows.positions.add(`${r.pool.toLowerCase()}:${r.investor.toLowerCase()}`);
  for (const r of await db.select().from(schema.pool)) rows.pools.add(r.address.toLowerCase());
  assert.ok(logs.length > 100, `the seeded chain has the protocol's events (${logs.length})`);
});

let expected: Set<string> | undefined;

/**
 * The flow row ids the dApp's rules (decodeFlows) make of these logs, as the indexer attributes
 * them: a pool's and its queue's logs in that pool's pass, any other log in the pass of the pool
 * it names (else the first pool).
 */
function expectedFlows(): Set<string> {
  if (expected) return expected;
  const d = (deployedContracts as unknown as Record<number, Record<string, { address: Address }>>)[31337]!;
  // Compared in lowercase, as the indexer compares them.
  const pools = [d.FinancingPool!.address, d.ShortTenorPool!.address].map(lower) as Address[];
  const queues = [d.RedemptionQueue!.address, d.ShortTenorRedemptionQueue!.address].map(lower) as Address[];
  const escrow = getAddress(d.LoanManager!.address);
  const vault = getAddress(d.CollateralVault!.address);
  const flowLogs = logs
    .filter((l) => l.contract !== "IdentityRegistry" && l.contract !== "CreditHistory")
    .filter((l) => eventsOf(l.contract as FlowContract).includes(l.eventName))
    .map((l) => ({ ...l, contract: l.contract as FlowContract, timestamp: 0 }));
  const poolOf = (l: (typeof flowLogs)[number]) => {
    if (l.contract === "FinancingPool") return lower(l.address);
    if (l.contract === "RedemptionQueue") return pools[queues.indexOf(lower(l.address) as Address)]!;
    const named = Object.values(l.args).find((v) => typeof v === "string" && pools.includes(lower(v) as Address));
    return named ? lower(named) : pools[0]!;
  };
  expected = new Set();
  for (const [i, pool] of pools.entries()) {
    const seen = flowLogs.filter(
      (l) => (l.contract !== "FinancingPool" && l.contract !== "RedemptionQueue") || poolOf(l) === pool,
    );
    const mine = new Set(seen.filter((l) => poolOf(l) === pool).map((l) => `${l.tx}-${l.logIndex}`.toLowerCase()));
    for (const row of decodeFlows(seen, { pool, escrow, vault, queue: queues[i] })) {
      const logId = `${row.tx}-${row.logIndex}`.toLowerCase();
      if (mine.has(logId)) expected.add(row.id.toLowerCase());
    }
  }
  return expected;
}

/** What a kind of event must have written, checked for one of its logs; names the kinds it covers. */
interface Expectation {
  covers: (l: Log) => boolean;
  check: (l: Log) => void;
}

const lower = (v: unknown) => String(v).toLowerCase();
const at = (l: Log) => `${l.contract}.${l.eventName} at ${l.tx}:${l.logIndex}`;
const ZERO = "0x0000000000000000000000000000000000000000";

const expectations: Record<string, Expectation> = {
  "an invoice's event: a history row and the invoice row, changed at or after it": {
    covers: (l) => l.contract === "ReceivableToken" && l.eventName.startsWith("Receivable"),
    check: (l) => {
      const event = rows.invoiceEvents.get(key(l.tx, l.logIndex));
      assert.ok(event, `${at(l)} wrote an invoice_event row`);
      assert.equal(event.tokenId, l.args.tokenId, at(l));
      const invoice = rows.invoices.get(l.args.tokenId as bigint);
      assert.ok(invoice, `${at(l)}: invoice ${l.args.tokenId} has its row`);
      assert.ok(invoice.updatedBlock >= l.blockNumber, `${at(l)}: the invoice row was changed at or after it`);
    },
  },
  "an invoice token changing hands (mint, sale, pledge, burn): a history row of that transfer": {
    covers: (l) => l.contract === "ReceivableToken" && l.eventName === "Transfer",
    check: (l) => {
      const event = rows.invoiceEvents.get(key(l.tx, l.logIndex));
      assert.ok(event, `${at(l)} wrote an invoice_event row`);
      assert.equal(event.tokenId, l.args.tokenId, at(l));
      assert.equal(event.event, "Transfer", at(l));
    },
  },
  "a financing: the invoice names the pool that bought it, and its history says so": {
    covers: (l) => l.contract === "FinancingPool" && l.eventName === "ReceivableFinanced",
    check: (l) => {
      assert.ok(rows.invoiceEvents.has(key(l.tx, l.logIndex)), `${at(l)} wrote an invoice_event row`);
      assert.equal(lower(rows.invoices.get(l.args.tokenId as bigint)?.pool), lower(l.address), at(l));
    },
  },
  "a loan's event: a history row and the loan row": {
    covers: (l) =>
      (l.contract === "LoanManager" || l.contract === "CollateralVault") && typeof l.args.loanId === "bigint",
    check: (l) => {
      if (l.contract === "LoanManager") {
        const event = rows.loanEvents.get(key(l.tx, l.logIndex));
        assert.ok(event, `${at(l)} wrote a loan_event row`);
        assert.equal(event.loanId, l.args.loanId, at(l));
      }
      assert.ok(rows.loans.has(l.args.loanId as bigint), `${at(l)}: loan ${l.args.loanId} has its row`);
    },
  },
  "a redemption request, fill, cancellation or claim: one redemption row for its controller": {
    covers: (l) =>
      l.contract === "RedemptionQueue" &&
      ["RedeemRequest", "RedeemRequestFilled", "RedeemRequestCancelled", "Withdraw"].includes(l.eventName),
    check: (l) => {
      const r = rows.redemptions.get(key(l.tx, l.logIndex));
      assert.ok(r, `${at(l)} wrote a redemption row`);
      const controller = l.args.controller ?? l.args.owner;
      assert.equal(lower(r.controller), lower(controller), at(l));
    },
  },
  "an identity issued, updated or revoked: the party row holds its entity": {
    covers: (l) => l.contract === "IdentityRegistry" && typeof l.args.account === "string",
    check: (l) => {
      const party = rows.parties.get(lower(l.args.account));
      assert.ok(party, `${at(l)}: party ${l.args.account} has its row`);
    },
  },
  "a credit record: a credit_event row in its transaction": {
    covers: (l) =>
      l.contract === "CreditHistory" && (l.eventName === "ReceivableRecorded" || l.eventName === "LoanRecorded"),
    check: (l) => assert.ok((rows.credit.get(l.tx.toLowerCase()) ?? 0) > 0, `${at(l)} wrote a credit_event row`),
  },
  "anything a pool emits: the pool's books at that block": {
    covers: (l) => l.contract === "FinancingPool",
    check: (l) => {
      assert.ok(rows.pools.has(lower(l.address)), `${at(l)}: pool ${l.address} has its row`);
      assert.ok(
        rows.snapshots.has(`${lower(l.address)}:${l.blockNumber}`),
        `${at(l)} left a pool_snapshot at its block`,
      );
    },
  },
  "a share movement: the position of each investor it touches": {
    covers: (l) => l.contract === "FinancingPool" && ["Deposit", "Withdraw", "Transfer"].includes(l.eventName),
    check: (l) => {
      const holders = [l.args.owner, l.args.receiver, l.args.from, l.args.to].filter(
        (a): a is string => typeof a === "string" && lower(a) !== ZERO,
      );
      for (const holder of holders) {
        // Shares moving into the pool's queue (a redemption request) are the queue's, not a position.
        if (l.eventName === "Transfer" && !rows.positions.has(`${lower(l.address)}:${lower(holder)}`)) {
          const isQueue = logs.some((q) => q.contract === "RedemptionQueue" && lower(q.address) === lower(holder));
          if (isQueue) continue;
        }
        assert.ok(rows.positions.has(`${lower(l.address)}:${lower(holder)}`), `${at(l)}: position of ${holder}`);
      }
    },
  },
  "a money movement: exactly the flow rows the dApp's rules make of it": {
    covers: (l) =>
      l.contract !== "IdentityRegistry" && l.contract !== "CreditHistory" && eventsOf(l.contract).includes(l.eventName),
    check: (l) => {
      const id = `${l.tx}-${l.logIndex}`.toLowerCase();
      if (expectedFlows().has(id)) assert.ok(rows.flows.has(id), `${at(l)} wrote its flow row`);
      // A rule may map an event to no row (a pool's booking inside a debtor's payment that already has one).
      else assert.ok(!rows.flows.has(id), `${at(l)} wrote a flow row the rules do not make`);
    },
  },
};

/** Kinds that write nothing by design, and why. */
const configuration = "configuration, read from the contracts' views: no money, no party or item history";
const writesNothing: Record<string, string> = {
  "IdentityRegistry.AuthorityUpdated": configuration,
  "CreditHistory.AuthorityUpdated": configuration,
  "CreditHistory.BaseLimitSet": configuration,
  "CreditHistory.RecorderSet": configuration,
  "ReceivableToken.AuthorityUpdated": configuration,
  "ReceivableToken.CreditHistorySet": configuration,
  "ReceivableToken.CurrencyAllowed": configuration,
  "ReceivableToken.FinancierRegistered": configuration,
  "LoanManager.AuthorityUpdated": configuration,
  "LoanManager.PolicySet": configuration,
  "LoanManager.CollateralTokenSet": configuration,
  "LoanManager.LenderAllowed": configuration,
  "CollateralVault.CollateralVaultBound": configuration,
  "ReceivableToken.Approval": "ERC-721 approval: no money, no status",
  "ReceivableToken.ApprovalForAll": "ERC-721 operator approval",
  "FinancingPool.Approval": "ERC-20 allowance of pool shares",
  "RedemptionQueue.OperatorSet": "ERC-7540 operator: read from the queue when needed",
};

test("every event kind on the chain has an expectation of the rows it writes", () => {
  const kinds = new Set(logs.map((l) => `${l.contract}.${l.eventName}`));
  const unchecked = [...kinds].filter(
    (k) =>
      !(k in writesNothing) &&
      !logs.some((l) => `${l.contract}.${l.eventName}` === k && Object.values(expectations).some((e) => e.covers(l))),
  );
  assert.deepEqual(unchecked, [], `event kinds with no handler expectation: ${unchecked.join(", ")}`);
  console.log(`# ${kinds.size} event kinds on the seeded chain: ${[...kinds].sort().join(", ")}`);
});

for (const [what, expectation] of Object.entries(expectations)) {
  test(what, () => {
    const covered = logs.filter(expectation.covers);
    assert.ok(covered.length > 0, `the seeded chain has at least one such event`);
    for (const l of covered) expectation.check(l);
  });
}
