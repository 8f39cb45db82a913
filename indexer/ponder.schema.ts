import { index, onchainTable, primaryKey } from "ponder";

/**
 * Tables that answer the dApp's questions directly. Amounts are in the token's base units
 * (bigint), times in seconds since the epoch, and every row names the block it was last
 * changed in, so anyone can check it against the chain at that block.
 */

/** An address the identity registry attested (SME, debtor, investor), with its entity. */
export const party = onchainTable(
  "party",
  (t) => ({
    address: t.hex().primaryKey(),
    entity: t.hex().notNull(),
    roles: t.integer().notNull(),
    jurisdiction: t.integer().notNull(),
    expiry: t.bigint().notNull(),
    provider: t.hex().notNull(),
    revoked: t.boolean().notNull(),
    updatedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    /** The transaction that last attested or revoked it. */
    lastTx: t.hex().notNull(),
    /** Where it was first attested: lists show the newest party first. */
    createdBlock: t.bigint().notNull(),
    createdLogIndex: t.integer().notNull(),
  }),
  (t) => ({ entityIdx: index().on(t.entity), createdIdx: index().on(t.createdBlock, t.createdLogIndex) }),
);

/**
 * An identity provider the admin suspended or reinstated: while suspended, every identity it
 * wrote stops verifying (the registry checks the provider on each read).
 */
export const identityProvider = onchainTable("identity_provider", (t) => ({
  address: t.hex().primaryKey(),
  suspended: t.boolean().notNull(),
  updatedBlock: t.bigint().notNull(),
}));

/** A pool, its redemption queue and its share token's name. */
export const pool = onchainTable("pool", (t) => ({
  address: t.hex().primaryKey(),
  queue: t.hex(),
  asset: t.hex().notNull(),
  name: t.text().notNull(),
  symbol: t.text().notNull(),
  createdBlock: t.bigint().notNull(),
}));

/** One tokenized invoice and where it stands now. */
export const invoice = onchainTable(
  "invoice",
  (t) => ({
    tokenId: t.bigint().primaryKey(),
    number: t.text().notNull(),
    issuer: t.hex().notNull(),
    debtor: t.hex().notNull(),
    currency: t.hex().notNull(),
    faceValue: t.bigint().notNull(),
    issueDate: t.bigint().notNull(),
    dueDate: t.bigint().notNull(),
    metadataURI: t.text().notNull(),
    /** The token's own status name (IReceivableToken.Status), as the last event left it. */
    status: t.text().notNull(),
    amountPaid: t.bigint().notNull(),
    amountAttested: t.bigint().notNull(),
    /** The pool that financed it, once financed. */
    pool: t.hex(),
    advance: t.bigint(),
    fee: t.bigint(),
    financedAt: t.bigint(),
    /** Who holds the token (and so receives payments); null once burned (cancelled). */
    holder: t.hex(),
    createdBlock: t.bigint().notNull(),
    /** The tokenizing event's place in its block: lists order newest first by block, then by it. */
    createdLogIndex: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (t) => ({
    issuerIdx: index().on(t.issuer),
    debtorIdx: index().on(t.debtor),
    poolIdx: index().on(t.pool),
    dueIdx: index().on(t.dueDate),
  }),
);

/**
 * Every event of an invoice's life, in chain order: the token's own events (transfers included)
 * and the pool's financing. `event` and `args` are the log as decoded, so a timeline can say
 * everything the log says; JSON has no bigint, so integers are kept as decimal strings there.
 */
export const invoiceEvent = onchainTable(
  "invoice_event",
  (t) => ({
    id: t.text().primaryKey(),
    tokenId: t.bigint().notNull(),
    name: t.text().notNull(),
    event: t.text().notNull(),
    args: t.json().$type<Record<string, string | boolean | number>>().notNull(),
    actor: t.hex().notNull(),
    amount: t.bigint(),
    tx: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (t) => ({ tokenIdx: index().on(t.tokenId, t.blockNumber) }),
);

/** A pool's books after each block that changed them, read from its own views at that block. */
export const poolSnapshot = onchainTable(
  "pool_snapshot",
  (t) => ({
    pool: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    /** The pool's `sharePrice()`: assets per whole share, in the asset's base units. */
    sharePrice: t.bigint().notNull(),
    cash: t.bigint().notNull(),
    principalOutstanding: t.bigint().notNull(),
    accruedIncome: t.bigint().notNull(),
    impaired: t.bigint().notNull(),
    feesOwed: t.bigint().notNull(),
    grossAssets: t.bigint().notNull(),
    netAssets: t.bigint().notNull(),
    pendingRedeemShares: t.bigint().notNull(),
    lockedIncome: t.bigint().notNull(),
    agingHaircut: t.bigint().notNull(),
    /** The pool's `utilizationBps()`: principal out over gross assets, in basis points. */
    utilizationBps: t.integer().notNull(),
    current: t.bigint().notNull(),
    late1To30: t.bigint().notNull(),
    late31To60: t.bigint().notNull(),
    late61To90: t.bigint().notNull(),
    late90Plus: t.bigint().notNull(),
    writtenOff: t.bigint().notNull(),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.pool, t.blockNumber] }) }),
);

/** An investor's shares in a pool and the cash it put in and took out. */
export const position = onchainTable(
  "position",
  (t) => ({
    pool: t.hex().notNull(),
    investor: t.hex().notNull(),
    shares: t.bigint().notNull(),
    /** Shares waiting in the pool's redemption queue (already out of `shares`). */
    queuedShares: t.bigint().notNull(),
    deposited: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.pool, t.investor] }), investorIdx: index().on(t.investor) }),
);

/** One ERC-7540 event of a pool's redemption queue (request, fill, cancel, claim). */
export const redemption = onchainTable(
  "redemption",
  (t) => ({
    id: t.text().primaryKey(),
    queue: t.hex().notNull(),
    controller: t.hex().notNull(),
    kind: t.text().notNull(),
    ticket: t.bigint(),
    shares: t.bigint().notNull(),
    assets: t.bigint(),
    tx: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (t) => ({ controllerIdx: index().on(t.controller) }),
);

/** A loan as its last event left it. */
export const loan = onchainTable(
  "loan",
  (t) => ({
    loanId: t.bigint().primaryKey(),
    borrower: t.hex().notNull(),
    entity: t.hex().notNull(),
    principal: t.bigint().notNull(),
    rateBps: t.integer().notNull(),
    installments: t.integer().notNull(),
    /** Seconds between installments. */
    period: t.bigint().notNull(),
    kind: t.text().notNull(),
    fundingDeadline: t.bigint().notNull(),
    /** The loan manager's status name (ILoanManager.Status), as the last event left it. */
    status: t.text().notNull(),
    impaired: t.boolean().notNull().default(false),
    defaulted: t.boolean().notNull(),
    funded: t.bigint().notNull(),
    repaid: t.bigint().notNull(),
    principalRepaid: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    collateralTokenId: t.bigint(),
    collateralSeized: t.boolean().notNull().default(false),
    requestedAt: t.bigint().notNull(),
    drawnAt: t.bigint(),
    updatedBlock: t.bigint().notNull(),
  }),
  (t) => ({ borrowerIdx: index().on(t.borrower), entityIdx: index().on(t.entity) }),
);

/** Every event of a loan's life (request, funding, drawdown, repayment, claim, default...). */
export const loanEvent = onchainTable(
  "loan_event",
  (t) => ({
    id: t.text().primaryKey(),
    loanId: t.bigint().notNull(),
    name: t.text().notNull(),
    actor: t.hex(),
    amount: t.bigint(),
    tx: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (t) => ({ loanIdx: index().on(t.loanId, t.blockNumber) }),
);

/** A record the credit history kept for a company (an invoice or a loan outcome). */
export const creditEvent = onchainTable(
  "credit_event",
  (t) => ({
    id: t.text().primaryKey(),
    entity: t.hex().notNull(),
    recorder: t.hex().notNull(),
    kind: t.text().notNull(),
    amount: t.bigint().notNull(),
    outstanding: t.bigint(),
    outcome: t.text().notNull(),
    daysLate: t.integer().notNull(),
    tx: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (t) => ({ entityIdx: index().on(t.entity) }),
);

/** Every movement of money: who to whom, how much, why, where on chain. */
export const flow = onchainTable(
  "flow",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    cash: t.boolean().notNull(),
    from: t.hex().notNull(),
    fromRole: t.text().notNull(),
    to: t.hex().notNull(),
    toRole: t.text().notNull(),
    amount: t.bigint().notNull(),
    currency: t.hex().notNull(),
    /** The pool the movement belongs to, when one is a party to it. */
    pool: t.hex(),
    invoiceId: t.bigint(),
    loanId: t.bigint(),
    principal: t.bigint(),
    income: t.bigint(),
    fees: t.bigint(),
    recovery: t.bigint(),
    performanceFee: t.bigint(),
    source: t.text().notNull(),
    tx: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (t) => ({
    blockIdx: index().on(t.blockNumber, t.logIndex),
    poolIdx: index().on(t.pool),
    fromIdx: index().on(t.from),
    toIdx: index().on(t.to),
  }),
);
