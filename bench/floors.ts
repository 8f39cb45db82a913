/**
 * Storage floor per user action: the least gas any implementation of the action can spend on
 * Ethereum (Cancun+ pricing) given what the action must record, in the steady state the bench
 * measures (every account, balance and aggregate already non-zero; storage cold at the start of
 * the transaction, as in a real one).
 *
 *   floor = 21,000 base
 *         + calldata of OUR transaction (16 gas per non-zero byte, 4 per zero byte; the same
 *           bytes for the floor so that calldata never counts as waste)
 *         + new slots      × 22,100  (EIP-2929 cold access 2,100 + EIP-2200 SSTORE 0 → non-zero 20,000)
 *         + updated slots  ×  5,000  (cold 2,100 + SSTORE non-zero → non-zero 2,900)
 *         + cleared slots  ×  5,000  (same price, minus the 4,800 refund, the refund capped at a
 *                                     fifth of the transaction's gas, EIP-3529)
 *         + other contracts that must be called × 2,600 (EIP-2929 cold account; the called
 *           contract itself is warm: it is the transaction's `to`)
 *         + the events the action must emit: LOG 375 + 375 per topic + 8 per data byte
 *         + precompiles that cannot be avoided (ecrecover 3,000)
 *
 * Reads (SLOAD 2,100 cold), memory, hashing and control flow are NOT in the floor: a floor is
 * what is left with perfect packing and zero overhead, so ours/floor shows how far from it we
 * are, not what is achievable. "Must record" follows DESIGN.md: one invoice registry keyed by
 * (issuer, debtor, invoice number) and by document hash, KYC on every party that receives or
 * places money, pro-rata pull claims, exposure limits per debtor and per SME, credit history
 * written on repayment and default, events naming who/whom/how much for every money movement.
 * The minimum packing assumed is stated per action.
 */

export interface FloorSpec {
  /** Storage slots 0 → non-zero. */
  newSlots: number;
  /** Storage slots non-zero → non-zero. */
  updatedSlots: number;
  /** Storage slots non-zero → 0. */
  clearedSlots?: number;
  /** Other contracts the action must call (cold accounts). */
  accounts: number;
  /** Events: [topics (incl. the signature topic), data words]. */
  logs: [number, number][];
  /** Unavoidable precompile gas (ecrecover = 3,000). */
  precompile?: number;
  /** The action is one of `perBatch` items of one transaction: floor is per item. */
  perBatch?: number;
  why: string;
}

// Events used below, with their minimal shapes.
const ERC20_TRANSFER: [number, number] = [3, 1]; // Transfer(from, to, value)
const ERC721_TRANSFER: [number, number] = [4, 0]; // Transfer(from, to, tokenId)
const ERC1155_SINGLE: [number, number] = [4, 2]; // TransferSingle(op, from, to, id, value)
const ACTION_EVENT: [number, number] = [3, 1]; // e.g. Acknowledged(tokenId, by) + one amount
const MONEY_EVENT: [number, number] = [3, 2]; // e.g. Financed(tokenId, sme, advance, fee)

export const floors: Record<string, FloorSpec> = {
  tokenize: {
    // Invoice fields: holder 20 B + status 1 B | debtor 20 B + face 12 B | currency 20 B + issue 5 B +
    // due 5 B → 3 new slots (the document hash is the token id, free; the metadata URI goes in the
    // event only; amount paid starts at zero). Duplicate key (issuer, debtor, number): 1 new slot.
    // ERC-721 balance of the issuer: 1 update. KYC of issuer and debtor: 1 registry call.
    newSlots: 4,
    updatedSlots: 1,
    accounts: 1,
    logs: [ERC721_TRANSFER, MONEY_EVENT],
    why: "3 invoice slots + 1 duplicate key new; issuer balance; identity registry",
  },
  tokenizeBatchPerInvoice: {
    // Per invoice as for tokenize; the issuer's balance (1 update), the base, the registry call
    // and the calldata are shared by the 20 invoices of the batch.
    newSlots: 4 * 20,
    updatedSlots: 1,
    accounts: 1,
    logs: Array.from({ length: 20 }, () => [ERC721_TRANSFER, MONEY_EVENT]).flat() as [number, number][],
    perBatch: 20,
    why: "20 × (3 invoice slots + 1 duplicate key) new; issuer balance once; per invoice",
  },
  acknowledgeBySig: {
    // Status byte (packed with the holder): 1 update. The EIP-712 signature: ecrecover. No nonce
    // slot needed (terms version + status make the signature single-use).
    newSlots: 0,
    updatedSlots: 1,
    accounts: 0,
    logs: [ACTION_EVENT],
    precompile: 3_000,
    why: "status update; ecrecover",
  },
  payInvoice: {
    // Full payment of an unfinanced invoice to its holder. Amount paid packed with the status:
    // 1 update. Stablecoin: debtor and holder balances, 2 updates (unlimited allowance: none).
    // Credit history of the issuer (paid on time): 1 update in another contract.
    newSlots: 0,
    updatedSlots: 4,
    accounts: 2,
    logs: [ERC20_TRANSFER, MONEY_EVENT],
    why: "invoice paid/status; 2 stablecoin balances; credit record; stablecoin + credit history",
  },
  deposit: {
    // Stablecoin: investor and pool balances (2). Shares: investor balance and total supply (2).
    // NAV is derived from balances and aggregates already in place: no write. KYC: 1 call.
    newSlots: 0,
    updatedSlots: 4,
    accounts: 2,
    logs: [ERC20_TRANSFER, ERC20_TRANSFER, [3, 2]],
    why: "2 stablecoin balances; share balance + supply; stablecoin + identity registry",
  },
  redeem: {
    // Shares: investor balance and total supply (2). Stablecoin: pool and investor balances (2).
    newSlots: 0,
    updatedSlots: 4,
    accounts: 1,
    logs: [ERC20_TRANSFER, ERC20_TRANSFER, [4, 2]],
    why: "share balance + supply; 2 stablecoin balances; stablecoin",
  },
  requestRedeem: {
    // Shares escrowed from the owner into the (empty) queue: owner balance updated, queue balance
    // new. Queue: ticket (controller 20 B + shares 12 B) 1 updated slot (an empty queue reuses
    // its first ticket slot); the controller's pending total and the tail updated; the pool's
    // count of queued shares updated. The pool (the share token) is a second account.
    newSlots: 1,
    updatedSlots: 5,
    accounts: 1,
    logs: [ERC20_TRANSFER, [4, 2]],
    why: "queue share balance new; ticket, owner balance, pending, tail, queued; pool",
  },
  claimRedeem: {
    // The controller's filled amount cleared (1, refunded); stablecoin queue and receiver (2).
    newSlots: 0,
    updatedSlots: 2,
    clearedSlots: 1,
    accounts: 1,
    logs: [ERC20_TRANSFER, [4, 2]],
    why: "claimable cleared; 2 stablecoin balances; stablecoin",
  },
  financeInvoice: {
    // Asset record (advance 16 B + fee 12 B + due 4 B) 1 new slot. The invoice: holder + status
    // 1 update, ERC-721 balances of SME and pool 2 updates. Pool aggregates (principal outstanding
    // + issuance rate, one slot) 1 update. Exposure per debtor and per SME 2 updates. Advance paid:
    // stablecoin pool and SME balances 2 updates. Calls: receivable token, stablecoin, identity.
    newSlots: 1,
    updatedSlots: 8,
    accounts: 3,
    logs: [ERC721_TRANSFER, ERC20_TRANSFER, MONEY_EVENT],
    why: "asset new; invoice holder/status + 2 NFT balances; aggregates; 2 exposures; 2 stablecoin balances",
  },
  payFinancedInvoice: {
    // Debtor pays the financed invoice in full: invoice paid/status 1 update; stablecoin debtor,
    // pool and SME (the surplus over advance + fee goes back to the SME) 3 updates; pool asset
    // closed 1 update; aggregates 1 update; 2 exposures 2 updates; credit record 1 update.
    // Calls: stablecoin, the pool (payment hook), credit history.
    newSlots: 0,
    updatedSlots: 9,
    accounts: 3,
    logs: [ERC20_TRANSFER, ERC20_TRANSFER, MONEY_EVENT, MONEY_EVENT],
    why: "invoice; 3 stablecoin balances; asset; aggregates; 2 exposures; credit record",
  },
  requestLoan: {
    // Loan terms: borrower 20 B + principal 12 B | rate 2 + count 2 + period 4 + kind 1 + grace 1
    // + deadline 5 + status 1 (+ start, funded later) → 2 new slots. Loan counter 1 update. The
    // borrower's exposure (auto-approval within the credit limit) 1 update. Calls: identity,
    // credit history (the limit).
    newSlots: 2,
    updatedSlots: 2,
    accounts: 2,
    logs: [MONEY_EVENT],
    why: "2 loan slots new; counter; exposure; identity + credit history",
  },
  fundLoan: {
    // Lender's position (note balance) 1 new slot; loan funded amount 1 update; stablecoin
    // lender and escrow balances 2 updates. Calls: stablecoin, identity.
    newSlots: 1,
    updatedSlots: 3,
    accounts: 2,
    logs: [ERC20_TRANSFER, ERC1155_SINGLE, MONEY_EVENT],
    why: "lender position new; funded amount; 2 stablecoin balances",
  },
  drawdown: {
    // Loan status + start date (one slot) 1 update; stablecoin escrow and borrower 2 updates.
    newSlots: 0,
    updatedSlots: 3,
    accounts: 1,
    logs: [ERC20_TRANSFER, MONEY_EVENT],
    why: "loan status/start; 2 stablecoin balances",
  },
  repayInstallment: {
    // Loan repaid amount + installments paid (one slot) 1 update; stablecoin borrower and escrow
    // 2 updates. Lenders pull later: nothing per lender here.
    newSlots: 0,
    updatedSlots: 3,
    accounts: 1,
    logs: [ERC20_TRANSFER, MONEY_EVENT],
    why: "loan repaid; 2 stablecoin balances",
  },
  lenderClaim: {
    // Lender's claimed amount 1 update; stablecoin escrow and lender 2 updates.
    newSlots: 0,
    updatedSlots: 3,
    accounts: 1,
    logs: [ERC20_TRANSFER, MONEY_EVENT],
    why: "claimed amount; 2 stablecoin balances",
  },
  impair: {
    // Loan status 1 update. Restricted: the AccessManager is called.
    newSlots: 0,
    updatedSlots: 1,
    accounts: 1,
    logs: [ACTION_EVENT],
    why: "loan status; access manager",
  },
  default: {
    // Loan status 1 update; borrower exposure released 1 update; credit record (default) 1
    // update. Calls: AccessManager, credit history.
    newSlots: 0,
    updatedSlots: 3,
    accounts: 2,
    logs: [ACTION_EVENT],
    why: "loan status; exposure; credit record; access manager + credit history",
  },
  repayWorstCase: {
    // What repayInstallment records: the late fees of the 120 overdue rows are computed from the
    // schedule and the time, never stored, so the floor is the same; ours/floor shows that work.
    newSlots: 0,
    updatedSlots: 3,
    accounts: 1,
    logs: [ERC20_TRANSFER, MONEY_EVENT],
    why: "loan repaid (fees owed); 2 stablecoin balances; the per-row fee accrual is computation",
  },
  payoffWorstCase: {
    // Loan repaid amount + status (one slot) 1 update; stablecoin borrower and escrow 2 updates;
    // borrower exposure released 1 update; credit record (late payoff) 1 update. Calls:
    // stablecoin, credit history. Events: the transfer, the repayment, the payoff.
    newSlots: 0,
    updatedSlots: 5,
    accounts: 2,
    logs: [ERC20_TRANSFER, MONEY_EVENT, ACTION_EVENT],
    why: "loan repaid/status; 2 stablecoin balances; exposure; credit record; stablecoin + credit history",
  },
};

export const calldataGas = (data: string): number => {
  let gas = 0;
  for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === "00" ? 4 : 16;
  return gas;
};

const logGas = ([topics, words]: [number, number]) => 375 + 375 * topics + 8 * 32 * words;

/** The floor of `action` given our transaction's calldata (for a batch: the whole batch's). */
export function floorOf(action: string, data: string): number {
  const f = floors[action];
  if (!f) throw new Error(`no floor for ${action}`);
  const gross =
    21_000 +
    calldataGas(data) +
    f.newSlots * 22_100 +
    (f.updatedSlots + (f.clearedSlots ?? 0)) * 5_000 +
    f.accounts * 2_600 +
    f.logs.reduce((sum, l) => sum + logGas(l), 0) +
    (f.precompile ?? 0);
  const refund = Math.min((f.clearedSlots ?? 0) * 4_800, Math.floor(gross / 5));
  return Math.round((gross - refund) / (f.perBatch ?? 1));
}
