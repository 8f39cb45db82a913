/**
 * Gas per call frame of one mined transaction, from `debug_traceTransaction`'s opcode log:
 * `BENCH_TRACE=payFinancedInvoice npm run bench:check` prints where that action's gas goes
 * (per frame: inclusive gas, and its own SLOAD, SSTORE, LOG, CALL and other opcode gas).
 */
interface Step {
  op: string;
  gas: number;
  gasCost: number;
  depth: number;
  stack?: string[];
}
interface Frame {
  label: string;
  depth: number;
  start: number;
  end: number;
  own: Record<string, number>;
}

const GROUPS: Record<string, string> = {
  SLOAD: "sload",
  SSTORE: "sstore",
  TLOAD: "transient",
  TSTORE: "transient",
  LOG0: "log",
  LOG1: "log",
  LOG2: "log",
  LOG3: "log",
  LOG4: "log",
  CALL: "call",
  STATICCALL: "call",
  DELEGATECALL: "call",
  KECCAK256: "hash",
  SHA3: "hash",
};

export async function traceGas(request: (a: { method: string; params: unknown[] }) => Promise<unknown>, hash: string) {
  const trace = (await request({
    method: "debug_traceTransaction",
    params: [hash, { disableMemory: true, disableStorage: true }],
  })) as { gas: number; structLogs: Step[] };
  const logs = trace.structLogs;
  const frames: Frame[] = [{ label: "tx", depth: 1, start: logs[0]?.gas ?? 0, end: 0, own: {} }];
  const open: Frame[] = [frames[0]];
  for (let i = 0; i < logs.length; i++) {
    const s = logs[i];
    while (open.length > s.depth) {
      const f = open.pop()!;
      f.end = s.gas;
    }
    const cur = open[open.length - 1];
    const group = GROUPS[s.op] ?? "other";
    const next = logs[i + 1];
    const entersFrame = next !== undefined && next.depth > s.depth;
    // A call's gasCost includes the gas it forwards; count only its access cost here.
    const cost = entersFrame ? s.gasCost - next.gas : s.gasCost;
    cur.own[group] = (cur.own[group] ?? 0) + cost;
    if (entersFrame) {
      const target = s.stack ? `0x${s.stack[s.stack.length - 2].replace(/^0x/, "").slice(-40)}` : "?";
      const f: Frame = { label: `${s.op} ${target.slice(0, 10)}`, depth: next.depth, start: next.gas, end: 0, own: {} };
      frames.push(f);
      open.push(f);
    }
  }
  const last = logs[logs.length - 1];
  while (open.length > 0) open.pop()!.end = last ? last.gas - last.gasCost : 0;
  console.log(`\n${hash}: ${trace.gas} gas executed (receipt adds base and calldata, minus refund)`);
  for (const f of frames) {
    const own = Object.entries(f.own)
      .filter(([, g]) => g !== 0)
      .map(([k, g]) => `${k} ${g}`)
      .join(", ");
    console.log(`${"  ".repeat(f.depth - 1)}${f.label}: ${f.start - f.end} incl. (${own})`);
  }
}
