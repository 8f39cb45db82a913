/**
 * The schedule library against two TypeScript references written with BigInt only:
 *  - `exact`: the mathematics in exact rationals (annuity balances as fractions of huge integers),
 *    which tells how far the on-chain rounding is from the true schedule;
 *  - `spec`: the documented rounding rules re-implemented step by step (36-decimal fixed point,
 *    round-down powers, balance rounded up, interest rounded up), which must match bit for bit.
 * ~50 term sets come from a seeded PRNG (reproducible), plus fixed cases.
 */
import { expect } from "chai";
import { network } from "hardhat";

const DAY = 86_400n;
const YEAR = 365n * DAY;
const RATE_DENOMINATOR = 10_000n * YEAR;
const ONE = 10n ** 36n;
/** 1 / EPS: the tolerance for the fixed-point error against exact math (1e-9 units, far above it). */
const EPS_INV = 10n ** 9n;
const HARNESS = "test/libraries/ScheduleHarness.sol:ScheduleHarness";

enum Kind {
  Amortizing = 0,
  InterestOnlyBalloon = 1,
  Bullet = 2,
}

interface Terms {
  principal: bigint;
  start: bigint;
  period: bigint;
  rateBps: bigint;
  count: bigint;
  graceCount: bigint;
  kind: Kind;
}

interface Row {
  principal: bigint;
  interest: bigint;
}

const ceilDiv = (a: bigint, b: bigint) => (a === 0n ? 0n : (a - 1n) / b + 1n);

// ------------------------------------------------------------------ exact rational reference

/** The exact balance before installment k as a fraction [num, den] (den > 0). */
function exactBalance(t: Terms, k: bigint): [bigint, bigint] {
  if (k >= t.count) return [0n, 1n];
  if (t.kind !== Kind.Amortizing || k <= t.graceCount) return [t.principal, 1n];
  const m = t.count - t.graceCount;
  const remaining = t.count - k;
  if (t.rateBps === 0n) return [t.principal * remaining, m];
  // v = D / (D + N): P·(1 − v^rem)/(1 − v^m) = P·(b^m − a^rem·b^(m−rem)) / (b^m − a^m), a = D, b = D + N.
  const a = RATE_DENOMINATOR;
  const b = RATE_DENOMINATOR + t.rateBps * t.period;
  return [t.principal * (b ** m - a ** remaining * b ** (m - remaining)), b ** m - a ** m];
}

/** The exact annuity payment P·r / (1 − v^m) as a fraction. */
function exactAnnuity(t: Terms): [bigint, bigint] {
  const m = t.count - t.graceCount;
  if (t.rateBps === 0n) return [t.principal, m];
  const n = t.rateBps * t.period;
  const b = RATE_DENOMINATOR + n;
  return [t.principal * n * b ** m, RATE_DENOMINATOR * (b ** m - RATE_DENOMINATOR ** m)];
}

// ------------------------------------------------------------------ rounding-spec reference

function powDown(x: bigint, n: bigint): bigint {
  let z = ONE;
  while (n !== 0n) {
    if ((n & 1n) === 1n) z = (z * x) / ONE;
    n >>= 1n;
    if (n !== 0n) x = (x * x) / ONE;
  }
  return z;
}

function specBalance(t: Terms, k: bigint): bigint {
  if (k >= t.count) return 0n;
  if (t.kind !== Kind.Amortizing || k <= t.graceCount) return t.principal;
  const m = t.count - t.graceCount;
  const remaining = t.count - k;
  if (t.rateBps === 0n) return ceilDiv(t.principal * remaining, m);
  const v = (ONE * RATE_DENOMINATOR) / (RATE_DENOMINATOR + t.rateBps * t.period);
  return ceilDiv(t.principal * (ONE - powDown(v, remaining)), ONE - powDown(v, m));
}

function specTable(t: Terms): Row[] {
  const rows: Row[] = [];
  for (let i = 0n; i < t.count; i++) {
    if (t.kind === Kind.Bullet) {
      const last = i === t.count - 1n;
      rows.push({
        principal: last ? t.principal : 0n,
        interest: last ? ceilDiv(t.principal * t.rateBps * t.period * t.count, RATE_DENOMINATOR) : 0n,
      });
      continue;
    }
    const before = specBalance(t, i);
    rows.push({
      principal: before - specBalance(t, i + 1n),
      interest: ceilDiv(before * t.rateBps * t.period, RATE_DENOMINATOR),
    });
  }
  return rows;
}

// ------------------------------------------------------------------ seeded terms

/** SplitMix64: tiny, well-distributed, reproducible. */
function prng(seed: bigint) {
  let state = seed;
  const mask = (1n << 64n) - 1n;
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  /** Uniform in [lo, hi] (the modulo bias is irrelevant for test inputs). */
  return (lo: bigint, hi: bigint) => lo + (next() % (hi - lo + 1n));
}

function randomTerms(count: number): Terms[] {
  const rand = prng(20_260_611n);
  const out: Terms[] = [];
  for (let s = 0; s < count; s++) {
    const kind = Number(rand(0n, 2n)) as Kind;
    const n = rand(0n, 3n) === 0n ? rand(1n, 12n) : rand(1n, 360n);
    // Principal log-uniform-ish over 1 unit .. 1e15 units (1e9 USD).
    const principal = rand(1n, 10n ** rand(1n, 15n));
    const rateBps = rand(0n, 5n) === 0n ? 0n : rand(0n, 10_000n);
    out.push({
      principal,
      start: rand(0n, 2n ** 33n),
      period: rand(DAY, YEAR),
      rateBps,
      count: n,
      graceCount: kind === Kind.Amortizing && rand(0n, 2n) === 0n ? rand(0n, n - 1n) : 0n,
      kind,
    });
  }
  return out;
}

const base: Terms = {
  principal: 12_000n * 10n ** 6n,
  start: 1_800_000_000n,
  period: 30n * DAY,
  rateBps: 1_200n,
  count: 12n,
  graceCount: 0n,
  kind: Kind.Amortizing,
};

const fixedTerms: Terms[] = [
  base,
  { ...base, kind: Kind.InterestOnlyBalloon },
  { ...base, kind: Kind.Bullet },
  { ...base, graceCount: 3n },
  { ...base, rateBps: 0n },
  { ...base, principal: 1n },
  { ...base, principal: 10n ** 15n, rateBps: 10_000n, period: YEAR, count: 360n },
  { ...base, principal: 10n ** 15n, rateBps: 1n, period: DAY, count: 360n },
  { ...base, count: 1n },
  { ...base, count: 360n, graceCount: 359n },
];

// ------------------------------------------------------------------ lateness reference (F-16)

/** Rows owing nothing (principal + interest = 0) are complete once their date passes: lateness
 * counts whole days from the due date of the first due row that owes something, 0 if none. */
function specDaysLate(t: Terms, rows: Row[], nowT: bigint): bigint {
  for (let i = 0n; i < t.count; i++) {
    const due = t.start + (i + 1n) * t.period;
    if (due > nowT) return 0n;
    const row = rows[Number(i)];
    if (row.principal + row.interest > 0n) return (nowT - due) / DAY;
  }
  return 0n;
}

/** Term sets rich in rows owing nothing: rate 0 (interest-only, grace rows, tiny principals whose
 * principal parts round to zero) and bullets. */
function zeroRowTerms(): Terms[] {
  const rand = prng(20_261_206n);
  const out: Terms[] = [
    { ...base, kind: Kind.Bullet, count: 6n },
    { ...base, kind: Kind.InterestOnlyBalloon, rateBps: 0n, count: 3n },
    { ...base, rateBps: 0n, count: 6n, graceCount: 3n },
    { ...base, rateBps: 0n, principal: 5n, count: 10n },
  ];
  for (let s = 0; s < 30; s++) {
    const kind = Number(rand(0n, 2n)) as Kind;
    const n = rand(1n, 24n);
    out.push({
      principal: rand(0n, 2n) === 0n ? rand(1n, 50n) : rand(1n, 10n ** rand(1n, 12n)),
      start: rand(0n, 2n ** 33n),
      period: rand(DAY, 90n * DAY),
      rateBps: rand(0n, 2n) === 0n ? 0n : rand(0n, 10_000n),
      count: n,
      graceCount: kind === Kind.Amortizing && rand(0n, 1n) === 0n ? rand(0n, n - 1n) : 0n,
      kind,
    });
  }
  return out;
}

// ------------------------------------------------------------------ the test

type Progress = {
  head: bigint;
  headPaid: bigint;
  prepaid: bigint;
  fees: bigint;
  feesAccruedTo: bigint;
  maxDaysLate: bigint;
};

type Calculator = {
  daysLate(t: Terms, head: bigint, prepaid: bigint, nowT: bigint): Promise<bigint>;
  settle(
    t: Terms,
    s: Progress,
    amount: bigint,
    nowT: bigint,
    lateFeeBps: bigint,
    graceSeconds: bigint,
  ): Promise<[Progress, unknown, bigint, bigint]>;
};

type Harness = {
  calculator: Calculator;
  table(t: Terms): Promise<[bigint[], bigint[], bigint[], bigint[]]>;
  installment(t: Terms, i: bigint): Promise<[bigint, bigint, bigint]>;
  totalInterest(t: Terms): Promise<bigint>;
  installment_estimateGas(t: Terms, i: bigint): Promise<bigint>;
};

async function deployHarness(): Promise<Harness> {
  const { ethers } = await network.create();
  const contract = await ethers.deployContract(HARNESS);
  const calculator = (await ethers.deployContract("LoanCalculator")) as unknown as Calculator;
  return {
    calculator,
    table: (t) => contract.table(t),
    installment: (t, i) => contract.installment(t, i),
    totalInterest: (t) => contract.totalInterest(t),
    installment_estimateGas: (t, i) => contract.installment.estimateGas(t, i),
  };
}

async function checkAgainstReferences(h: Harness, t: Terms, label: string) {
  const [due, principal, interest, outstanding] = await h.table(t);
  const spec = specTable(t);
  const [annNum, annDen] = exactAnnuity(t);
  const r: [bigint, bigint] = [t.rateBps * t.period, RATE_DENOMINATOR];
  let paid = 0n;
  for (let i = 0n; i < t.count; i++) {
    const at = `${label} #${i}`;
    const k = Number(i);
    expect(due[k], `${at} due`).to.equal(t.start + (i + 1n) * t.period);
    expect(principal[k], `${at} principal vs spec`).to.equal(spec[k].principal);
    expect(interest[k], `${at} interest vs spec`).to.equal(spec[k].interest);
    paid += principal[k];
    expect(outstanding[k], `${at} outstanding`).to.equal(t.principal - paid);
    if (t.kind === Kind.Bullet) continue;

    // Against exact mathematics, allowing the fixed-point error EPS (< 2e-26 of the principal):
    // the balance before i is the exact one rounded up, so interest is at least the exact interest
    // and less than 1 + r units above it.
    const [bNum, bDen] = exactBalance(t, i);
    const before = t.principal - paid + principal[k];
    expect((before * bDen - bNum) * EPS_INV >= -bDen, `${at} balance ≥ exact`).to.equal(true);
    expect(before * bDen < bNum + bDen, `${at} balance < exact + 1`).to.equal(true);
    const interestOverExact = (interest[k] * bDen - (bNum * r[0]) / r[1]) * EPS_INV; // over bDen · EPS_INV
    expect(interestOverExact >= -bDen, `${at} interest ≥ exact`).to.equal(true);
    expect(
      interest[k] * bDen * r[1] < bNum * r[0] + bDen * (2n * r[1] + r[0]),
      `${at} interest < exact + 1 + r`,
    ).to.equal(true);

    // Amortizing phase: the payment is within (−1, 2 + r) of the exact annuity.
    if (t.kind === Kind.Amortizing && i >= t.graceCount) {
      const payment = principal[k] + interest[k];
      const diffTimesDen = (payment * annDen - annNum) * r[1]; // (payment − A) · annDen · D
      expect(diffTimesDen * EPS_INV > -annDen * r[1] * (EPS_INV + 1n), `${at} payment > A − 1`).to.equal(true);
      expect(diffTimesDen < annDen * (2n * r[1] + r[0]), `${at} payment < A + 2 + r`).to.equal(true);
    }
  }
  expect(paid, `${label} Σ principal`).to.equal(t.principal);
  expect(await h.totalInterest(t), `${label} total interest`).to.equal(spec.reduce((s, row) => s + row.interest, 0n));
}

describe("Schedule library vs. TypeScript BigInt references", function () {
  let h: Harness;

  before(async function () {
    h = await deployHarness();
  });

  it("test_installment_fixedCasesMatchExactAndSpecReferences", async function () {
    for (const [j, t] of fixedTerms.entries()) await checkAgainstReferences(h, t, `fixed ${j}`);
  });

  it("test_installment_50SeededRandomTermSetsMatchReferences", async function () {
    const sets = randomTerms(50);
    expect(new Set(sets.map((t) => t.kind)).size, "all kinds drawn").to.equal(3);
    for (const [j, t] of sets.entries()) await checkAgainstReferences(h, t, `random ${j}`);
  });

  it("test_daysLate_rowsOwingNothingNeverLateAgainstReference", async function () {
    const sets = zeroRowTerms();
    expect(new Set(sets.map((t) => t.kind)).size, "all kinds drawn").to.equal(3);
    let zeroRows = 0;
    for (const [j, t] of sets.entries()) {
      const rows = specTable(t);
      zeroRows += rows.filter((r) => r.principal + r.interest === 0n).length;
      const times = [t.start, t.start + t.count * t.period + 61n * DAY];
      for (let i = 0n; i < t.count && i < 8n; i++) {
        const due = t.start + (i + 1n) * t.period;
        times.push(due - 1n, due, due + 16n * DAY + 1n);
      }
      for (const nowT of times) {
        const got = await h.calculator.daysLate(t, 0n, 0n, nowT);
        expect(got, `set ${j} at ${nowT - t.start}s`).to.equal(specDaysLate(t, rows, nowT));
      }
    }
    expect(zeroRows > 100, `zero-amount rows covered (${zeroRows})`).to.equal(true);
  });

  it("test_settle_onTimeBorrowerNeverLateAgainstReference", async function () {
    for (const [j, t] of zeroRowTerms().entries()) {
      const rows = specTable(t);
      let s: Progress = { head: 0n, headPaid: 0n, prepaid: 0n, fees: 0n, feesAccruedTo: t.start, maxDaysLate: 0n };
      for (let i = 0n; i < t.count; i++) {
        const due = t.start + (i + 1n) * t.period;
        expect(await h.calculator.daysLate(t, s.head, s.prepaid, due), `set ${j} row ${i}`).to.equal(0n);
        const owed = rows[Number(i)].principal + rows[Number(i)].interest;
        if (owed === 0n) continue;
        const [next] = await h.calculator.settle(t, s, owed, due, 3_650n, 3n * DAY);
        s = {
          head: next.head,
          headPaid: next.headPaid,
          prepaid: next.prepaid,
          fees: next.fees,
          feesAccruedTo: next.feesAccruedTo,
          maxDaysLate: next.maxDaysLate,
        };
        expect(s.fees, `set ${j} row ${i} fees`).to.equal(0n);
      }
      expect(s.head, `set ${j} closed`).to.equal(t.count);
      expect(s.maxDaysLate, `set ${j} on time`).to.equal(0n);
    }
  });

  it("test_installment_singleCallsAgreeWithTable", async function () {
    const t = fixedTerms[3];
    const [, principal, interest] = await h.table(t);
    for (const i of [0n, 2n, 3n, 11n]) {
      const [due, p, it] = await h.installment(t, i);
      expect([due, p, it]).to.deep.equal([t.start + (i + 1n) * t.period, principal[Number(i)], interest[Number(i)]]);
    }
  });

  it("test_installment_gasOfExternalCallFor360Installments", async function () {
    const t: Terms = { ...base, count: 360n };
    const first = await h.installment_estimateGas(t, 0n);
    const last = await h.installment_estimateGas(t, 359n);
    console.log(`      installment() as a transaction (21k base + calldata), count 360: i=0 ${first}, i=359 ${last}`);
    expect(first < 40_000n && last < 40_000n).to.equal(true);
  });
});
