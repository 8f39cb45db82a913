import { expect } from "chai";
import { network } from "hardhat";
import { id, sha256, toUtf8Bytes, TypedDataEncoder } from "ethers";
import type { AccessManager, DemoUSD, IdentityRegistry, ReceivableToken } from "../../types/ethers-contracts/index.js";
import { Roles, selectors } from "../../ignition/modules/roles.js";
import { entityPairOf } from "../../app/src/lib/receivables.ts";
import { receivableTokenLibraries } from "./fixture.js";

const SME = 1;
const DEBTOR = 2;
const KENYA = 404;
const DAY = 24 * 60 * 60;
const FACE = 10_000_000_000n; // 10,000 dUSD (6 decimals)

const ACKNOWLEDGEMENT_TYPES = {
  Acknowledgement: [
    { name: "tokenId", type: "uint256" },
    { name: "debtor", type: "address" },
    { name: "invoiceNumber", type: "string" },
    { name: "currency", type: "address" },
    { name: "faceValue", type: "uint256" },
    { name: "dueDate", type: "uint256" },
    { name: "termsVersion", type: "uint8" },
    { name: "deadline", type: "uint256" },
  ],
};

async function deploy() {
  const { ethers, networkHelpers } = await network.create();
  const [admin, kyc, policy, sme, debtor, buyer, relayer] = await ethers.getSigners();
  const manager = (await ethers.deployContract("AccessManager", [admin.address])) as unknown as AccessManager;
  const registry: IdentityRegistry = await ethers.deployContract("IdentityRegistry", [await manager.getAddress()]);
  const usd: DemoUSD = await ethers.deployContract("DemoUSD", [admin.address]);
  const token: ReceivableToken = await ethers.deployContract(
    "ReceivableToken",
    [await manager.getAddress(), await registry.getAddress()],
    { libraries: await receivableTokenLibraries(ethers) },
  );

  await manager.setTargetFunctionRole(
    await registry.getAddress(),
    selectors("verify(address,uint8,uint16,uint40,bytes32)"),
    Roles.KYC_PROVIDER,
  );
  await manager.setTargetFunctionRole(
    await token.getAddress(),
    selectors("setCurrencyAllowed(address,bool)", "registerFinancier(address,bool)", "setCreditHistory(address)"),
    Roles.POLICY_ADMIN,
  );
  await manager.grantRole(Roles.KYC_PROVIDER, kyc.address, 0);
  await manager.grantRole(Roles.POLICY_ADMIN, policy.address, 0);

  const expiry = (await networkHelpers.time.latest()) + 365 * DAY;
  await registry.connect(kyc).verify(sme.address, SME, KENYA, expiry, id("entity:acme"));
  await registry.connect(kyc).verify(debtor.address, DEBTOR, KENYA, expiry, id("entity:buyer-co"));
  await token.connect(policy).setCurrencyAllowed(await usd.getAddress(), true);
  await usd.mint(debtor.address, 1_000_000_000_000n);
  await usd.connect(debtor).approve(await token.getAddress(), 1_000_000_000_000n);
  return { ethers, networkHelpers, token, usd, sme, debtor, buyer, relayer };
}

describe("Receivables flow (TypeScript, TypeChain)", function () {
  it("test_flow_tokenizeAcknowledgeBySignaturePayAcrossTransfer_lateCase", async function () {
    const { ethers, networkHelpers, token, usd, sme, debtor, buyer, relayer } = await deploy();
    const now = await networkHelpers.time.latest();
    const dueDate = now + 30 * DAY;
    const documentHash = sha256(toUtf8Bytes("%PDF invoice INV-2026-001"));
    const tokenId = BigInt(documentHash);

    await expect(
      token.connect(sme).tokenize({
        debtor: debtor.address,
        currency: await usd.getAddress(),
        faceValue: FACE,
        issueDate: now,
        dueDate,
        documentHash,
        invoiceNumber: "INV-2026-001",
        metadataURI: "ipfs://bafy-invoice-001",
      }),
    )
      .to.emit(token, "ReceivableTokenized")
      .withArgs(
        tokenId,
        sme.address,
        debtor.address,
        await usd.getAddress(),
        FACE,
        now,
        dueDate,
        "INV2026001",
        "ipfs://bafy-invoice-001",
      );
    expect(await token.ownerOf(tokenId)).to.equal(sme.address);

    // The debtor signs off chain; a relayer submits.
    const { chainId } = await ethers.provider.getNetwork();
    const domain = { name: "ReceivableToken", version: "1", chainId, verifyingContract: await token.getAddress() };
    const deadline = now + DAY;
    const value = {
      tokenId,
      debtor: debtor.address,
      invoiceNumber: "INV2026001",
      currency: await usd.getAddress(),
      faceValue: FACE,
      dueDate,
      termsVersion: 0,
      deadline,
    };
    expect(await token.hashAcknowledgement(tokenId, "inv-2026-001", deadline)).to.equal(
      TypedDataEncoder.hash(domain, ACKNOWLEDGEMENT_TYPES, value),
    );
    const signature = await debtor.signTypedData(domain, ACKNOWLEDGEMENT_TYPES, value);
    // Submitted with the number as signed and the entity pair the invoice was tokenized under.
    const issued = await token.receivable(tokenId);
    const pair = entityPairOf(issued);
    await expect(token.connect(relayer).acknowledgeWithSignature(tokenId, pair, "INV2026001", deadline, signature))
      .to.emit(token, "ReceivableAcknowledged")
      .withArgs(tokenId, debtor.address, relayer.address, await usd.getAddress(), FACE, dueDate, true);

    // Partial payment goes to the SME, the current holder.
    await token.connect(debtor).pay(tokenId, 4_000_000_000n);
    expect(await usd.balanceOf(sme.address)).to.equal(4_000_000_000n);

    // The SME sells the invoice; the rest, paid late, goes to the new holder.
    await token.connect(sme).transferFrom(sme.address, buyer.address, tokenId);
    await networkHelpers.time.increaseTo(dueDate + 2 * DAY);
    await expect(token.connect(debtor).pay(tokenId, FACE))
      .to.be.revertedWithCustomError(token, "ReceivableOverpayment")
      .withArgs(tokenId, FACE, 6_000_000_000n);
    await expect(token.connect(debtor).pay(tokenId, 6_000_000_000n))
      .to.emit(token, "ReceivablePaid")
      .withArgs(tokenId, debtor.address, buyer.address, await usd.getAddress(), 6_000_000_000n, FACE, true);

    expect(await usd.balanceOf(buyer.address)).to.equal(6_000_000_000n);
    const r = await token.receivable(tokenId);
    expect(r.status).to.equal(4n); // Paid
    expect(r.amountPaid).to.equal(FACE);
    expect(await token.outstanding(tokenId)).to.equal(0n);

    const uri = await token.tokenURI(tokenId);
    const json = JSON.parse(Buffer.from(uri.replace("data:application/json;base64,", ""), "base64").toString());
    expect(json.attributes.find((a: { trait_type: string }) => a.trait_type === "Status").value).to.equal("Paid");
  });

  it("test_flow_tokenizeRejectsSameInvoiceFromAnotherFile", async function () {
    const { networkHelpers, token, usd, sme, debtor } = await deploy();
    const now = await networkHelpers.time.latest();
    const params = {
      debtor: debtor.address,
      currency: await usd.getAddress(),
      faceValue: FACE,
      issueDate: now,
      dueDate: now + 30 * DAY,
      documentHash: sha256(toUtf8Bytes("file A")),
      invoiceNumber: "INV-7",
      metadataURI: "",
    };
    await token.connect(sme).tokenize(params);
    // Another file and another spelling of the same number: one canonical form, refused.
    await expect(
      token.connect(sme).tokenize({ ...params, documentHash: sha256(toUtf8Bytes("file B")), invoiceNumber: "inv 007" }),
    )
      .to.be.revertedWithCustomError(token, "ReceivableInvoiceAlreadyTokenized")
      .withArgs(id("entity:acme"), id("entity:buyer-co"), "INV7");
  });
});
