import { expect } from "chai";
import { readFileSync } from "node:fs";
import { Interface, type FunctionFragment, type ParamType } from "ethers";
import { DAY, deployProtocol, usd } from "./fixture.js";

const MONTH = 30 * DAY;
const PUBLIC_ROLE = 2n ** 64n - 1n;
const ADMIN_ROLE = 0n;

/** A deterministic generator, so a failure replays from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/**
 * "No role moves investors' money" (finding F-8), over every restricted function the deployment
 * configures: the list comes from the AccessManager's own `TargetFunctionRoleUpdated` events of
 * the Ignition deployment, not from a hand-written list. One account holds every role but the
 * admin's (the admin is a multisig/timelock, a trust assumption) without delay, and calls those
 * functions with fuzzed arguments, between time jumps, against live positions.
 */
describe("Role powers, derived from the deployment's AccessManager configuration", function () {
  it("testFuzz_roles_noRestrictedFunctionMovesInvestorFunds", async function () {
    const f = await deployProtocol();
    const { ethers, networkHelpers, pool, queue, loans, stable, signers, acknowledgedInvoice } = f;
    const { admin, alice, bob, sme, underwriter, poolManager } = signers;
    const eve = (await ethers.getSigners())[15];

    // Live positions: investors' cash, a financed invoice, a loan funded by the pool and one by
    // Bob (both drawn down), a queued redemption.
    await pool.connect(alice).deposit(usd(200_000), alice.address);
    await pool.connect(bob).deposit(usd(50_000), bob.address);
    const invoice = await acknowledgedInvoice(usd(40_000), 60);
    await pool.connect(sme).finance(invoice, 1);
    const loanIds: bigint[] = [];
    for (const lender of ["pool", "bob"] as const) {
      await loans.connect(sme).request({
        principal: usd(20_000),
        rateBps: 1_200,
        count: 3,
        period: MONTH,
        kind: 0,
        graceCount: 0,
        collateralToken: ethers.ZeroAddress,
        collateralId: 0,
        fundingDeadline: (await networkHelpers.time.latest()) + 7 * DAY,
      });
      const loanId = await loans.loanCount();
      if ((await loans.loan(loanId)).status === 1n)
        await loans.connect(underwriter).approve(loanId, usd(20_000), 1_200);
      if (lender === "pool") await pool.connect(poolManager).fundLoan(await loans.getAddress(), loanId, usd(20_000));
      else await loans.connect(bob).fund(loanId, usd(20_000));
      await loans.connect(sme).drawdown(loanId);
      loanIds.push(loanId);
    }
    await queue.connect(bob).requestRedeem(await pool.balanceOf(bob.address), bob.address, bob.address);

    // The deployment's restricted functions: every (target, selector) the AccessManager maps to
    // a role other than the public one and the admin's.
    const manager = await ethers.getContractAt("AccessManager", await pool.authority());
    const mapped = new Map<string, bigint>();
    for (const log of await manager.queryFilter(manager.filters.TargetFunctionRoleUpdated(), 0)) {
      mapped.set(`${log.args.target.toLowerCase()}:${log.args.selector}`, log.args.roleId);
    }
    const restricted = [...mapped].filter(([, role]) => role !== PUBLIC_ROLE && role !== ADMIN_ROLE);
    const roles = new Set(restricted.map(([, role]) => role));
    for (const role of roles) await manager.connect(admin).grantRole(role, eve.address, 0);

    // ABIs of every contract the deployment configures, to encode each selector's arguments.
    const fragments = new Map<string, FunctionFragment>();
    for (const [dir, name] of ARTIFACTS) {
      const artifact = `artifacts/contracts/${dir}/${name}.sol/${name}.json`;
      new Interface(JSON.parse(readFileSync(artifact, "utf8")).abi).forEachFunction((fn) =>
        fragments.set(fn.selector, fn),
      );
    }
    const calls = restricted.map(([key]) => {
      const [target, selector] = key.split(":");
      const fragment = fragments.get(selector);
      expect(fragment, `ABI of restricted selector ${selector} on ${target}`).to.not.equal(undefined);
      return { target, fragment: fragment! };
    });
    expect(calls.length).to.be.gte(20);
    // Only the roles' own functions are exercised (no admin, no public function): the fuzz proves
    // the restricted surface, whatever the configuration maps there.
    expect(calls.some((c) => c.fragment.name === "fundLoan")).to.equal(true);
    expect(calls.some((c) => c.fragment.name === "setLoanManager")).to.equal(true);

    const custody = async () => {
      const held = await Promise.all([pool, queue, loans].map(async (c) => stable.balanceOf(await c.getAddress())));
      return held.reduce((a, b) => a + b, 0n);
    };
    const addresses = [
      eve.address,
      alice.address,
      bob.address,
      sme.address,
      await pool.getAddress(),
      await loans.getAddress(),
      ethers.ZeroAddress,
    ];
    const ids = [invoice, ...loanIds, 0n, 1n];
    const random = rng(Number(process.env.FUZZ_SEED ?? 20261206));
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const value = (p: ParamType): unknown => {
      if (p.baseType === "tuple") return p.components!.map(value);
      // Dynamic arrays empty; fixed-size ones (the policy's haircut buckets) filled element-wise.
      if (p.baseType === "array")
        return p.arrayLength! > 0 ? Array.from({ length: p.arrayLength! }, () => value(p.arrayChildren!)) : [];
      if (p.type === "address") return pick(addresses);
      if (p.type === "bool") return random() < 0.5;
      if (p.type === "bytes" || p.type === "string") return p.type === "bytes" ? "0x" : "";
      if (p.type.startsWith("bytes")) return `0x${pick(["00", "ab"]).repeat(Number(p.type.slice(5)))}`;
      if (p.type.startsWith("uint") || p.type.startsWith("int")) {
        const bits = Number(p.type.replace(/u?int/, "") || 256);
        const max = 2n ** BigInt(p.type.startsWith("uint") ? bits : bits - 1) - 1n;
        const v = pick([0n, 1n, 1_000n, usd(20_000), usd(1_000_000), max, ...ids]);
        return v > max ? max : v;
      }
      return 0n;
    };

    const rounds = Number(process.env.ROLE_FUZZ_ROUNDS ?? 300);
    const aliceShares = await pool.balanceOf(alice.address);
    const notes = await ethers.getContractAt("LoanNotes", await loans.notes());
    const bobNotes = await notes.balanceOf(bob.address, loanIds[1]);
    let succeeded = 0;
    for (let round = 0; round < rounds; round++) {
      if (random() < 0.1) await networkHelpers.time.increase(1 + Math.floor(random() * 60) * DAY);
      const before = await custody();
      const { target, fragment } = pick(calls);
      const data = new Interface([fragment]).encodeFunctionData(fragment, fragment.inputs.map(value));
      try {
        await (await eve.sendTransaction({ to: target, data, gasLimit: 5_000_000 })).wait();
        succeeded++;
      } catch {
        // Refused calls are fine: what matters is that no investor money moved.
      }
      const after = await custody();
      expect(after, `${fragment.name}: custody of investors' money`).to.be.gte(before);
      expect(await stable.balanceOf(eve.address), `${fragment.name}: eve's balance`).to.equal(0n);
      expect(await pool.balanceOf(alice.address), `${fragment.name}: alice's shares`).to.equal(aliceShares);
      expect(await notes.balanceOf(bob.address, loanIds[1]), `${fragment.name}: bob's notes`).to.equal(bobNotes);
    }
    // The fuzz reaches the functions, not only their guards.
    expect(succeeded).to.be.gt(0);
  });
});

/** Contracts the deployment puts behind the AccessManager, by artifact folder and name. */
const ARTIFACTS = [
  ["pool", "FinancingPool"],
  ["receivables", "ReceivableToken"],
  ["loans", "LoanManager"],
  ["identity", "IdentityRegistry"],
  ["credit", "CreditHistory"],
] as const;
