import { network } from "hardhat";
import { id } from "ethers";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import LocalModule from "../../ignition/modules/Local.js";
import type {
  CreditHistory,
  DemoUSD,
  FinancingPool,
  RedemptionQueue,
  IdentityRegistry,
  LoanLens,
  LoanManager,
  ReceivableToken,
} from "../../types/ethers-contracts/index.js";
import { entityPairOf } from "../../app/src/lib/receivables.ts";

export const DAY = 24 * 60 * 60;
export const PARTY = { SME: 1, DEBTOR: 2, INVESTOR: 4 } as const;
export const usd = (n: number) => BigInt(n) * 1_000_000n;

/** The linked libraries of ReceivableToken, deployed, for tests that deploy the token without Ignition. */
export async function receivableTokenLibraries(ethers: HardhatEthers) {
  const libraries: Record<string, string> = {};
  for (const name of ["ReceivableServicing", "ReceivableMessages", "CurrencyRegister"]) {
    libraries[name] = await (await ethers.deployContract(name)).getAddress();
  }
  return libraries;
}

/**
 * The whole protocol as the deployment builds it (ignition/modules/Local.ts: roles, selectors,
 * linked libraries, pool registered as financier and as lender), on a fresh in-process chain.
 * Dev accounts as in Local: #0 admin, #1 KYC provider, #2 pool manager, #3 underwriter, #5
 * servicer. The flow
 * parties (#6 on) are verified, funded with DemoUSD and have approved the contracts they pay.
 */
export async function deployProtocol() {
  const connection = await network.create();
  const { ethers, networkHelpers, ignition } = connection;
  const signers = await ethers.getSigners();
  const [admin, kyc, poolManager, underwriter] = signers;
  const servicer = signers[5];
  const [sme, debtor, alice, bob] = signers.slice(6, 10);
  const d = await ignition.deploy(LocalModule);
  const at = async <T>(name: string, contract: { getAddress(): Promise<string> }) =>
    (await ethers.getContractAt(name, await contract.getAddress())) as unknown as T;
  const pool = await at<FinancingPool>("FinancingPool", d.pool);
  const queue = await at<RedemptionQueue>("RedemptionQueue", d.redemptionQueue);
  const receivables = await at<ReceivableToken>("ReceivableToken", d.receivableToken);
  const loans = await at<LoanManager>("LoanManager", d.loanManager);
  const lens = await at<LoanLens>("LoanLens", d.loanLens);
  const registry = await at<IdentityRegistry>("IdentityRegistry", d.identityRegistry);
  const stable = await at<DemoUSD>("DemoUSD", d.stablecoin);
  const credit = await at<CreditHistory>("CreditHistory", d.creditHistory);

  const expiry = (await networkHelpers.time.latest()) + 3650 * DAY;
  const parties: [HardhatEthersSigner, number, string][] = [
    [sme, PARTY.SME, "entity:sme"],
    [debtor, PARTY.DEBTOR, "entity:debtor"],
    [alice, PARTY.INVESTOR, "entity:alice"],
    [bob, PARTY.INVESTOR, "entity:bob"],
  ];
  for (const [who, role, entity] of parties) {
    await registry.connect(kyc).verify(who.address, role, 404, expiry, id(entity));
    await stable.connect(admin).mint(who.address, usd(1_000_000));
    for (const spender of [pool, receivables, loans]) {
      await stable.connect(who).approve(await spender.getAddress(), ethers.MaxUint256);
    }
  }
  await receivables.connect(sme).setApprovalForAll(await pool.getAddress(), true);

  let invoices = 0;
  /** An invoice of `face` due in `days`, tokenized by the SME and acknowledged by the debtor. */
  const acknowledgedInvoice = async (face: bigint, days: number) => {
    const now = await networkHelpers.time.latest();
    invoices += 1;
    const documentHash = id(`invoice document ${invoices}`);
    await receivables.connect(sme).tokenize({
      debtor: debtor.address,
      currency: await stable.getAddress(),
      faceValue: face,
      issueDate: now,
      dueDate: now + days * DAY,
      documentHash,
      invoiceNumber: `INV-${invoices}`,
      metadataURI: "",
    });
    const tokenId = BigInt(documentHash);
    const r = await receivables.receivable(tokenId);
    const pair = entityPairOf(r);
    await receivables.connect(debtor).acknowledge(tokenId, pair, `INV-${invoices}`, face, now + days * DAY);
    return tokenId;
  };

  return {
    ethers,
    networkHelpers,
    signers: { admin, kyc, poolManager, underwriter, servicer, sme, debtor, alice, bob },
    pool,
    queue,
    receivables,
    loans,
    lens,
    registry,
    stable,
    credit,
    acknowledgedInvoice,
  };
}
