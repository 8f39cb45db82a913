import { expect } from "chai";
import { type Address, type Hash, getAddress, pad, toHex } from "viem";
import { type FlowContract, type FlowLog, decodeFlows } from "../../app/src/lib/flows/decode.ts";
import { applyFilter, filterFromParams, filterToParams, noFilter } from "../../app/src/lib/flows/filter.ts";
import { toCsv, toRecord, totalOf } from "../../app/src/lib/flows/records.ts";
import { reconcile } from "../../app/src/lib/flows/reconcile.ts";
import { buildSankey } from "../../app/src/lib/flows/sankey.ts";
import { flowKinds, kindLabels, roleLabels } from "../../app/src/lib/flows/model.ts";

/**
 * The fund-flow explorer's pure functions, without a chain: a hand-written event history whose
 * sums are known → rows, filters, CSV and reconciliation identities.
 */
const addr = (n: number) => getAddress(pad(toHex(n), { size: 20 })) as Address;
const [pool, escrow, investor, sme, debtor, lender, treasury, queue] = [1, 2, 3, 4, 5, 6, 7, 8].map(addr);
const usd = (n: number) => BigInt(Math.round(n * 1e6));
const DAY0 = 1_700_000_000;

let txCount = 0;
/** One transaction's logs, in order, at block `block`. */
function tx(block: number, ...events: [FlowContract, string, Record<string, unknown>][]): FlowLog[] {
  const hash = pad(toHex(++txCount), { size: 32 }) as Hash;
  return events.map(([contract, eventName, args], logIndex) => ({
    contract,
    eventName,
    args,
    tx: hash,
    blockNumber: BigInt(block),
    logIndex,
    timestamp: DAY0 + block * 86_400,
  }));
}

const history: FlowLog[] = [
  ...tx(1, ["FinancingPool", "Deposit", { sender: investor, owner: investor, assets: usd(100_000), shares: 1n }]),
  ...tx(2, [
    "FinancingPool",
    "ReceivableFinanced",
    { tokenId: 7n, sme, debtor, face: usd(10_000), advance: usd(7_800), fee: usd(200), dueDate: 0n },
  ]),
  ...tx(
    3,
    ["ReceivableToken", "ReceivablePaid", { tokenId: 7n, payer: debtor, holder: pool, amount: usd(10_000) }],
    [
      "FinancingPool",
      "ReceivablePaymentCollected",
      { tokenId: 7n, payer: debtor, principal: usd(7_800), income: usd(180), recovery: 0n, performanceFee: usd(20) },
    ],
    ["FinancingPool", "ReceivablePaymentForwarded", { tokenId: 7n, sme, amount: usd(2_000) }],
  ),
  ...tx(4, [
    "FinancingPool",
    "Withdraw",
    { sender: investor, receiver: investor, owner: investor, assets: usd(1_000) },
  ]),
  // A queued exit: the pool funds the queue when cash comes in, the investor claims from the queue.
  ...tx(5, ["FinancingPool", "RedemptionsFunded", { queue, shares: 1n, assets: usd(500) }]),
  ...tx(5, [
    "RedemptionQueue",
    "Withdraw",
    { sender: investor, receiver: investor, owner: investor, assets: usd(500), shares: 1n },
  ]),
  ...tx(6, ["FinancingPool", "FeesPaid", { treasury, amount: usd(20) }]),
  ...tx(7, ["LoanManager", "LoanFunded", { loanId: 1n, lender, amount: usd(5_000), totalFunded: usd(5_000) }]),
  ...tx(8, ["LoanManager", "LoanDrawnDown", { loanId: 1n, borrower: sme, principal: usd(5_000), start: 0n }]),
  ...tx(9, [
    "LoanManager",
    "LoanRepaid",
    {
      loanId: 1n,
      payer: sme,
      borrower: sme,
      amount: usd(1_000),
      feesPaid: 0n,
      interestPaid: usd(100),
      principalPaid: usd(900),
      prepaid: 0n,
    },
  ]),
  ...tx(10, ["LoanManager", "LoanClaimed", { loanId: 1n, holder: lender, amount: usd(600) }]),
];

const rows = decodeFlows(history, { pool, escrow, queue });
const balanced = {
  poolStablecoin: usd(98_680),
  poolBookedCash: usd(98_680),
  poolPrincipal: 0n,
  escrowStablecoin: usd(400),
};
const naming = {
  kind: (k: keyof typeof kindLabels) => kindLabels[k],
  party: (a: Address) => (a === sme ? "Widgets, Ltd" : a === investor ? "=HYPERLINK()" : "x"),
  invoice: (id: bigint) => `INV-${id}`,
  decimals: 6,
};

describe("Fund flows (pure functions, no chain)", function () {
  it("test_flows_eachMoneyEventBecomesOneRowAndClaimIsCountedOnce", function () {
    expect(rows.map((r) => r.kind)).to.deep.equal([
      "deposit",
      "advance",
      "payment",
      "split",
      "redemption",
      "queueFunding",
      "redemption",
      "fee",
      "loanFunding",
      "disbursement",
      "installment",
      "claim",
    ]);
    const payment = rows.find((r) => r.kind === "payment")!;
    expect(payment.amount).to.equal(usd(10_000));
    expect(payment.parts).to.deep.include({ principal: usd(7_800), income: usd(180), performanceFee: usd(20) });
    expect(new Set(rows.map((r) => r.id)).size).to.equal(rows.length);
  });

  it("test_flows_reconciliationHoldsOnMatchingBalancesAndShowsTheDifferenceOtherwise", function () {
    const ok = reconcile(rows, { ...balanced, queueStablecoin: 0n }, { pool, escrow, queue }, kindLabels);
    expect(ok.map((i) => [i.id, i.ok])).to.deep.equal([
      ["pool-cash", true],
      ["pool-book", true],
      ["pool-principal", true],
      ["escrow-cash", true],
      ["queue-cash", true],
    ]);
    const unclaimed = reconcile(rows, { ...balanced, queueStablecoin: 1n }, { pool, escrow, queue }, kindLabels);
    expect(unclaimed[4].ok).to.equal(false);
    expect(unclaimed[4].difference).to.equal(1n);
    const off = reconcile(
      rows,
      { ...balanced, poolStablecoin: usd(98_680) + 1n, escrowStablecoin: usd(399) },
      { pool, escrow },
      kindLabels,
    );
    expect(off[0].ok).to.equal(false);
    expect(off[0].difference).to.equal(1n);
    expect(off[3].difference).to.equal(-usd(1));
    expect(off[1].ok).to.equal(true);
  });

  it("test_flows_filtersNarrowByPartyKindInvoiceLoanAndDate", function () {
    expect(applyFilter(rows, noFilter)).to.have.length(12);
    expect(applyFilter(rows, { kinds: [], party: investor }).map((r) => r.kind)).to.deep.equal([
      "deposit",
      "redemption",
      "redemption",
    ]);
    expect(applyFilter(rows, { kinds: ["split", "fee"] })).to.have.length(2);
    expect(applyFilter(rows, { kinds: [], invoice: 7n }).map((r) => r.kind)).to.deep.equal([
      "advance",
      "payment",
      "split",
    ]);
    expect(applyFilter(rows, { kinds: [], loan: 1n })).to.have.length(4);
    expect(applyFilter(rows, { kinds: [], fromDate: "2999-01-01" })).to.have.length(0);
    const f = { kinds: ["deposit" as const], party: investor, invoice: 7n, loan: 1n, fromDate: "2024-01-02" };
    expect(filterFromParams(filterToParams(f), flowKinds)).to.deep.equal({ ...f, toDate: undefined });
  });

  it("test_flows_csvHasOneLinePerRowWithDecimalAmountsAndSafeCells", function () {
    const selected = applyFilter(rows, { kinds: [], party: investor });
    const csv = toCsv(
      selected.map((r) => toRecord(r, naming)),
      "dUSD",
    );
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).to.have.length(1 + selected.length);
    expect(lines[0]).to.contain("Amount (dUSD)");
    expect(lines[1]).to.contain(",100000,");
    expect(lines[1]).to.contain("'=HYPERLINK()");
    const sme = toCsv([toRecord(rows[1], naming)], "dUSD");
    expect(sme).to.contain('"Widgets, Ltd"');
    expect(sme).to.contain(",7800,");
    const sum = lines.slice(1).reduce((s, l) => s + Number(l.split(",")[6]), 0);
    expect(sum).to.equal(101_500);
    expect(totalOf(selected)).to.equal(usd(101_500));
  });

  it("test_flows_writeOffIsOneNonCashRowOfPrincipalAndHeldIncome", function () {
    const written = decodeFlows(
      [
        ...history.slice(0, 2),
        ...tx(11, [
          "FinancingPool",
          "AssetWrittenOff",
          { tokenId: 7n, by: treasury, loss: usd(7_800), incomeLost: usd(150) },
        ]),
      ],
      { pool, escrow },
    );
    const row = written.find((r) => r.kind === "writeOff")!;
    expect(row).to.deep.include({ from: pool, to: debtor, cash: false, amount: usd(7_950), invoiceId: 7n });
    expect(row.parts).to.deep.equal({ principal: usd(7_800), income: usd(150) });
    // Only the principal comes off the advances; no token moved, so pool cash is the deposit less the advance.
    const ids = reconcile(
      written,
      { poolStablecoin: usd(92_200), poolBookedCash: usd(92_200), poolPrincipal: 0n, escrowStablecoin: 0n },
      { pool, escrow },
      kindLabels,
    );
    expect(ids.map((i) => [i.id, i.ok])).to.deep.equal([
      ["pool-cash", true],
      ["pool-book", true],
      ["pool-principal", true],
      ["escrow-cash", true],
    ]);
  });

  it("test_flows_sankeyHasNoLoopsSoMoneyBackEndsInItsOwnNode", function () {
    const { nodes, links } = buildSankey(rows, 6, roleLabels);
    const pairs = new Set(links.map((l) => `${l.source}>${l.target}`));
    for (const l of links) expect(pairs.has(`${l.target}>${l.source}`)).to.equal(false);
    expect(nodes.map((n) => n.name)).to.include.members([
      "Investors",
      "Pool",
      "SMEs",
      "Investors (redeemed)",
      "Loan escrow (installments)",
    ]);
    const total = links.reduce((s, l) => s + l.value, 0);
    // The queued exit crosses the queue: 500 from pool to queue, then 500 to the investor.
    expect(total).to.equal(100_000 + 7_800 + 10_000 + 2_000 + 1_500 + 500 + 20 + 5_000 + 5_000 + 1_000 + 600);
  });
});
