import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { type ContractErrorName, type EnumMember, type EnumName, enumMember } from "./contracts";
import { formatAmount } from "./format";
import { PartyRole, type PartyRoleName } from "./parties";

type Args = readonly unknown[];
const usd = (v: unknown) => `${formatAmount(v as bigint, 6)} dUSD`;
const day = (seconds: unknown) => new Date(Number(seconds) * 1000).toLocaleDateString();
const when = (v: unknown) => new Date(Number(v) * 1000).toLocaleString();

// The words for each member of the protocol's enums; the members themselves come from the build,
// so a renamed or added member fails the type check here.
const invoiceStatusWords: Record<EnumMember<"IReceivableToken.Status">, string> = {
  None: "unknown",
  Issued: "issued",
  Acknowledged: "acknowledged",
  Disputed: "disputed",
  Paid: "paid",
  Cancelled: "cancelled",
  Defaulted: "defaulted",
};
const assetStatusWords: Record<EnumMember<"IFinancingPool.AssetStatus">, string> = {
  None: "not financed",
  Active: "active",
  Impaired: "impaired",
  Repaid: "repaid",
  WrittenOff: "written off",
};
const loanStatusWords: Record<EnumMember<"ILoanManager.Status">, string> = {
  None: "unknown",
  Pending: "pending",
  Offered: "offered",
  Funding: "open for funding",
  Active: "active",
  Repaid: "repaid",
  Defaulted: "defaulted",
  Cancelled: "cancelled",
  Expired: "expired",
};
/** The words for an enum value a contract reported, or "in another state" when out of range. */
function stateWords<E extends EnumName>(name: E, words: Record<EnumMember<E>, string>, value: unknown): string {
  const member = enumMember(name, Number(value), undefined);
  return member === undefined ? "in another state" : words[member];
}
const invoiceStatus = (v: unknown) => stateWords("IReceivableToken.Status", invoiceStatusWords, v);
const assetStatus = (v: unknown) => stateWords("IFinancingPool.AssetStatus", assetStatusWords, v);
const loanStatus = (v: unknown) => stateWords("ILoanManager.Status", loanStatusWords, v);

const partyRoleWords: Record<PartyRoleName, string> = { SME: "an SME", DEBTOR: "a debtor", INVESTOR: "an investor" };
/** "an SME" for the PartyRoles flag of an SME, …; "the needed role" for any other value or role. */
const roleWords =
  (...expected: PartyRoleName[]) =>
  (value: unknown): string => {
    const name = expected.find((r) => PartyRole[r] === Number(value));
    return name ? partyRoleWords[name] : "the needed role";
  };
const roleName = roleWords("SME", "DEBTOR", "INVESTOR");
const role = roleWords("SME", "INVESTOR");
const receivableRole = roleWords("SME", "DEBTOR");

// One sentence per custom error of the protocol, in the words a user would use.
const sentences: Partial<Record<ContractErrorName, (args: Args) => string>> = {
  DemoUSDFaucetLimitExceeded: ([, requested, available]) =>
    `You asked the faucet for ${usd(requested)} but only ${usd(available)} is left for you in this 24-hour window.`,
  DemoUSDZeroAmount: () => "The amount must be more than zero.",
  DemoUSDWrongChain: ([chainId]) =>
    `The demo stablecoin only exists on the local chain, not on chain ${String(chainId)}.`,
  IdentityAttestationExpired: ([deadline]) =>
    `This attestation could only be submitted until ${new Date(Number(deadline) * 1000).toLocaleString()}; ask your KYC provider for a new one.`,
  IdentityInvalidSignature: ([provider]) =>
    `The signature does not match the attestation of provider ${String(provider)}.`,
  IdentityInvalidSigner: ([signer]) => `${String(signer)} is not (or no longer) an authorised KYC provider.`,
  IdentityInvalidNonce: () => "This attestation was already used or replaced by a newer one; ask for a new one.",
  IdentityInvalidRoles: () => "Choose at least one valid role.",
  IdentityInvalidJurisdiction: ([code]) => `${String(code)} is not an ISO 3166 numeric country code.`,
  IdentityExpiryInPast: () => "The expiry date must be in the future.",
  IdentityZeroEntity: () => "The company reference is missing.",
  IdentityZeroAccount: () => "The wallet address is missing.",
  IdentityNotVerified: ([account]) => `${String(account)} is not verified.`,
  ReceivableNotVerified: ([account, role]) => `${String(account)} is not verified as ${receivableRole(role)}.`,
  ReceivableCurrencyNotAllowed: () => "Invoices cannot be issued in that currency.",
  ReceivableZeroFaceValue: () => "The invoice amount must be more than zero.",
  ReceivableInvalidDates: () => "The issue date must not be in the future and the due date must be after today.",
  ReceivableDebtorIsIssuer: () => "The debtor cannot be your own wallet.",
  ReceivableSameEntity: () => "The debtor belongs to your own company.",
  ReceivableDocumentAlreadyTokenized: () =>
    "This document is already tokenized; one invoice can only be tokenized once.",
  ReceivableInvoiceAlreadyTokenized: ([, , number]) =>
    `Your company already tokenized invoice ${String(number)} for this debtor (possibly from another wallet, or spelled differently: case, separators and leading zeros do not count).`,
  ReceivableInvoiceNumberEmpty: () => "An invoice number needs at least one letter or digit.",
  ReceivableInvoiceNumberTooLong: ([, , max]) => `An invoice number has at most ${String(max)} characters.`,
  ReceivableInvoiceNumberInvalidCharacter: () =>
    "An invoice number can only use letters, digits and plain punctuation (no accents or symbols).",
  ReceivableInvoiceNumberMismatch: ([, number]) =>
    `This invoice is not registered under the number ${String(number)}; check the number on the invoice.`,
  ReceivableAcknowledgedTermsMismatch: () =>
    "The invoice's amount or due date changed since you looked; reload and check them again.",
  ReceivableZeroDocumentHash: () => "The document fingerprint is missing.",
  ReceivableNotFound: () => "No invoice has this id.",
  ReceivableInvalidStatus: ([, status]) => `Not possible while the invoice is ${invoiceStatus(status)}.`,
  ReceivableNotIssuer: () => "Only the SME that issued the invoice can do this.",
  ReceivableNotDebtor: () => "Only the invoice's debtor can do this.",
  ReceivableNotHolder: () => "Only the current holder of the invoice token can do this.",
  ReceivableSignatureExpired: ([deadline]) =>
    `This signature could only be used until ${new Date(Number(deadline) * 1000).toLocaleString()}; ask for a new one.`,
  ReceivableInvalidSignature: ([, signer]) =>
    `The signature is not from ${String(signer)} for these exact terms (they may have changed).`,
  ReceivableOverpayment: ([, amount, outstanding]) =>
    `You tried to pay ${usd(amount)} but only ${usd(outstanding)} is still owed.`,
  ReceivableZeroAmount: () => "The amount must be more than zero.",
  ReceivableInvalidCreditNote: ([, newFace, face, settled]) =>
    `A credit note must lower the amount (now ${usd(face)}) to no less than what is settled (${usd(settled)}); ${usd(newFace)} does not fit.`,
  ReceivableNotYetDue: ([, due]) =>
    `The invoice is not due until ${new Date(Number(due) * 1000).toLocaleDateString()}.`,
  ReceivableNotFinancier: ([account]) => `${String(account)} is not a registered financier.`,
  ReceivableHookRejected: () => "The invoice's holder refused to book this payment.",
  ReceivableEmptyBatch: () => "Add at least one invoice to the batch.",
  ReceivableFaceValueTooLarge: () => "The invoice amount is too large.",
  ReceivableTransferAmountMismatch: () =>
    "This currency takes a fee or rebases on transfer, so payments in it cannot be accounted.",
  ReceivableTermsVersionExhausted: () => "This invoice's terms were changed too many times.",
  ReceivableHasPayments: ([, settled]) => `The invoice already has ${usd(settled)} settled and cannot be cancelled.`,
  ReceivableFaceBelowSettled: ([, , settled]) =>
    `The amount cannot go below what is already settled (${usd(settled)}).`,
  ReceivablePayerIsHolder: () => "You hold this invoice yourself; paying it would move no money.",
  ReceivableTooManyCurrencies: () => "No more currencies can be registered.",
  PoolZeroAddress: () => "An address is missing.",
  PoolZeroAmount: () => "The amount is too small: it must be worth at least one unit.",
  PoolNotVerified: ([account, role]) =>
    `${String(account)} is not verified as ${roleName(role)}; only verified parties can use the pool.`,
  PoolSharesToPool: () => "Pool shares cannot be sent to the pool; request a redemption instead.",
  PoolUnauthorizedHookCaller: () => "Only the invoice token can report payments to the pool.",
  PoolUnexpectedToken: () => "The pool only accepts invoices of the protocol's invoice token.",
  PoolInvalidFinanceData: () => "The financing request is malformed (it must carry the minimum advance).",
  PoolReceivableNotFinanced: () => "The pool has not financed this invoice.",
  PoolReceivableAlreadyFinanced: () => "The pool already financed this invoice.",
  PoolNotReceivableHolder: () => "Only the wallet that holds the invoice can sell it to the pool.",
  PoolNotReceivableIssuer: () => "Only the SME that issued the invoice can sell it to the pool.",
  PoolReceivableNotAcknowledged: ([, status]) =>
    `The pool only finances invoices the debtor acknowledged; this one is ${invoiceStatus(status)}.`,
  PoolCurrencyMismatch: () => "The invoice is not in the pool's currency.",
  PoolTenorTooShort: () => "The pool only finances invoices due after today (UTC); this one is due too soon.",
  PoolTenorTooLong: ([, tenor, maxTenor]) =>
    `The invoice is due in ${Math.round(Number(tenor) / 86_400)} days; the pool finances at most ${Math.round(Number(maxTenor) / 86_400)} days ahead.`,
  PoolTicketOutOfRange: ([, face, min, max]) =>
    `The pool finances invoices between ${usd(min)} and ${usd(max)}; ${usd(face)} is outside.`,
  PoolDebtorExposureExceeded: ([, exposure, advance, limit]) =>
    `The pool already advanced ${usd(exposure)} against this debtor; ${usd(advance)} more would pass its limit of ${usd(limit)}.`,
  PoolSmeExposureExceeded: ([, exposure, advance, limit]) =>
    `The pool already advanced ${usd(exposure)} to your company; ${usd(advance)} more would pass its limit of ${usd(limit)}.`,
  PoolAdvanceBelowMinimum: ([, advance, minAdvance]) =>
    `The advance would be ${usd(advance)}, less than the ${usd(minAdvance)} you accepted; reload the offer.`,
  PoolInsufficientLiquidity: ([needed, available]) =>
    `The pool has ${usd(available)} free right now and needs ${usd(needed)}.`,
  PoolInvalidAdvanceRate: () => "The advance rate must be between 0 and 100 %.",
  PoolRateAboveCap: ([rate, cap]) => `A rate of ${String(rate)} bps is above the cap of ${String(cap)} bps.`,
  PoolInvalidTicketRange: () => "The minimum ticket must be above zero and at most the maximum ticket.",
  PoolInvalidLateThresholds: () =>
    "The grace period, public impairment delay and default delay must increase in that order.",
  PoolInvalidAgingHaircut: ([bucket, bps, previous]) =>
    `The ageing haircut of bucket ${String(Number(bucket) + 1)} (${String(bps)} bps) must be at most 10,000 bps and at least the previous bucket's ${String(previous)} bps.`,
  PoolAssetNotActive: ([, status]) => `Not possible while the financed invoice is ${assetStatus(status)}.`,
  PoolAssetNotImpairable: ([, status]) => `The financed invoice cannot be impaired while it is ${assetStatus(status)}.`,
  PoolAssetNotLateEnough: ([, eligibleAt]) => `Not possible before ${day(eligibleAt)}.`,
  PoolRepayExceedsOwed: ([, amount, owed]) =>
    `You tried to repay ${usd(amount)} but only ${usd(owed)} is owed to the pool.`,
  PoolRedeemRequestTooSmall: ([, assets, minAssets]) =>
    `A redemption request must be worth at least ${usd(minAssets)}; this one is worth ${usd(assets)}.`,
  PoolNotRedemptionQueue: () => "Only the pool's redemption queue can move shares in or out of a request.",
  PoolRedemptionQueueAlreadySet: () => "The pool's redemption queue is already set.",
  PoolRedemptionQueueMismatch: () => "That redemption queue does not serve this pool's shares and asset.",
  PoolQueueOverpaid: () => "The redemption queue asked for more than the filled shares are worth.",
  QueueZeroAmount: () => "Enter an amount above zero.",
  QueueUnauthorized: () =>
    "Only the wallet that controls these redemption requests, or an operator it approved, can do this.",
  QueueNothingPending: () => "No redemption request is pending: it was filled or cancelled.",
  QueueOnlyPool: () => "Only the pool can fill the redemption queue.",
  QueuePreviewUnavailable: () =>
    "A queued redemption has no preview: it is paid at the exit price when filled; see what is ready to claim.",
  QueueDepositsClosed: () => "Deposits go to the pool itself, not to its redemption queue.",
  QueueExceededClaimableShares: ([, shares, claimable]) =>
    `Only ${String(claimable)} filled share units are ready to claim; you asked for ${String(shares)}.`,
  QueueExceededClaimableAssets: ([, assets, claimable]) =>
    `Only ${usd(claimable)} is ready to claim; you asked for ${usd(assets)}.`,
  PoolLoanNotFunded: ([, id]) => `The pool holds no position in loan #${String(id)}.`,
  PoolLoanPositionNotOpen: ([, id]) =>
    `The pool's position in loan #${String(id)} is no longer open: it was closed, written off or impaired.`,
  PoolLoanNothingToRevalue: ([, id]) => `The pool's books already match loan #${String(id)}.`,
  PoolUnexpectedNotes: () => "The pool accepts loan notes only while it funds that loan.",
  PoolTransferShortfall: ([, expected, received]) =>
    `Only ${usd(received)} of the ${usd(expected)} sent reached the pool: this currency takes a fee or rebases on transfer, so the pool refuses it.`,
  ERC4626ExceededMaxDeposit: ([, assets, max]) => `You can deposit at most ${usd(max)}, not ${usd(assets)}.`,
  ERC4626ExceededMaxWithdraw: ([, assets, max]) =>
    `You can withdraw at most ${usd(max)} right now, not ${usd(assets)}; request a redemption for the rest.`,
  ERC4626ExceededMaxRedeem: () =>
    "The pool does not have enough free cash to pay those shares now; request a redemption instead.",
  LoanNotVerified: ([account, r]) => `${String(account)} is not verified as ${role(r)}.`,
  LoanNotFound: ([id]) => `There is no loan #${String(id)}.`,
  LoanInvalidStatus: ([id, status]) => `Not possible while loan #${String(id)} is ${loanStatus(status)}.`,
  LoanNotBorrower: ([id]) => `Only the borrower of loan #${String(id)} can do this.`,
  LoanInvalidDeadline: ([deadline]) => `The funding deadline (${when(deadline)}) must be in the future.`,
  LoanFundingClosed: ([id, deadline]) =>
    `Loan #${String(id)} could only be funded or drawn down until ${when(deadline)}.`,
  LoanFundingStillOpen: ([id, deadline]) =>
    `Loan #${String(id)} is open for funding until ${when(deadline)}; it cannot expire yet.`,
  LoanOverfunded: ([, amount, remaining]) => `You offered ${usd(amount)} but only ${usd(remaining)} is still needed.`,
  LoanTransferShortfall: ([, expected, received]) =>
    `Only ${usd(received)} of the ${usd(expected)} sent reached the loan escrow: this currency takes a fee or rebases on transfer, so the escrow refuses it.`,
  LoanNotFullyFunded: ([, funded, principal]) => `Only ${usd(funded)} of ${usd(principal)} is funded so far.`,
  LoanZeroAmount: () => "The amount must be more than zero.",
  LoanInvalidApproval: ([, newPrincipal, principal]) =>
    `An approval cannot raise the amount: ${usd(newPrincipal)} is more than the ${usd(principal)} requested.`,
  LoanNotLateEnough: ([, days, required]) => `The loan is ${String(days)} days late; ${String(required)} are needed.`,
  LoanAlreadyImpaired: () => "The loan is already marked impaired.",
  LoanNothingOwed: () => "Nothing is owed on this loan.",
  LoanNothingToClaim: () => "You have nothing to claim on this loan yet.",
  LoanNothingToRefund: () => "You hold no notes of this loan to refund.",
  LoanNoCollateral: () => "This loan has no collateral.",
  LoanCollateralNotAcknowledged: ([, status]) =>
    `Only an invoice its debtor acknowledged can secure a loan; this one is ${invoiceStatus(status)}.`,
  LoanCollateralCurrencyMismatch: () => "The invoice is not in the loan's currency, so it cannot secure the loan.",
  CollateralLoanNotDrawn: () => "The loan is not drawn down yet; payments on its collateral stay held until then.",
  CollateralNothingHeld: () => "Nothing is held for this loan.",
  LoanInvalidPolicy: () => "Those late-fee and default settings are not valid.",
  LoanZeroAddress: () => "An address is missing.",
  LoanPrincipalTooLarge: ([, max]) => `The amount is too large; at most ${usd(max)}.`,
  LoanTooManyInstallments: ([count, max]) =>
    `A loan can have at most ${String(max)} installments, not ${String(count)}.`,
  ScheduleZeroPrincipal: () => "The loan amount must be more than zero.",
  ScheduleInvalidCount: ([, max]) => `The number of installments must be between 1 and ${String(max)}.`,
  SchedulePeriodTooShort: ([, min]) => `Installments must be at least ${Number(min) / 86_400} day apart.`,
  SchedulePeriodTooLong: ([, max]) => `Installments must be at most ${Number(max) / 86_400} days apart.`,
  ScheduleRateTooHigh: ([, max]) => `The annual rate can be at most ${Number(max) / 100} %.`,
  ScheduleGraceTooLong: ([grace, count]) =>
    `${String(grace)} interest-only installments leave none of the ${String(count)} to repay the principal.`,
  ScheduleGraceRequiresAmortizing: () => "Interest-only grace installments only exist for amortizing loans.",
  ScheduleInstallmentOutOfRange: ([index, count]) =>
    `Installment ${Number(index) + 1} does not exist in a schedule of ${String(count)}.`,
  ScheduleLateFeeRateTooHigh: ([, max]) => `The late-fee rate can be at most ${Number(max) / 100} % a year.`,
  ScheduleDaysLateTooLarge: ([, max]) => `Late fees are computed for at most ${String(max)} days.`,
  ScheduleAmountTooLarge: () => "The overdue amount is too large to compute.",
  CreditNotRecorder: ([caller]) => `${String(caller)} may not write credit records.`,
  CreditZeroEntity: () => "The company reference is missing.",
  CreditZeroRecorder: () => "The recorder address is missing.",
  ERC1155InsufficientBalance: ([, balance, needed]) =>
    `You hold ${usd(balance)} of notes but ${usd(needed)} are needed.`,
  OwnableUnauthorizedAccount: ([account]) => `${String(account)} is not allowed to do this.`,
  AccessManagedUnauthorized: ([caller]) => `${String(caller)} does not hold the role this action needs.`,
  EnforcedPause: () => "This action is paused right now.",
  ERC20InsufficientBalance: ([, balance, needed]) => `The balance is ${usd(balance)} but ${usd(needed)} is needed.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `The approved amount is ${usd(allowance)} but ${usd(needed)} is needed.`,
};

const sentenceOf = new Map<string, ((args: Args) => string) | undefined>(Object.entries(sentences));

/** Turns anything a wallet, viem or a contract threw into one sentence for the person. */
export function explainError(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return "You rejected the request in your wallet.";
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName;
      const sentence = name === undefined ? undefined : sentenceOf.get(name);
      if (sentence) return sentence(reverted.data?.args ?? []);
      if (name) return `The contract refused: ${name}.`;
      if (reverted.reason) return `The contract refused: ${reverted.reason}.`;
    }
    return error.shortMessage;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
