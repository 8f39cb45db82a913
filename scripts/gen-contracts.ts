/**
 * Writes app/src/generated/deployedContracts.ts from the build and the deployments, in the shape
 * scaffold-eth-2's dApps read: per chain id, per deployed contract (the Ignition future id, e.g.
 * "Stablecoin", "ShortTenorPool"), its address, its ABI (`as const`, so wagmi and viem infer
 * function names, arguments and results) and the block it was deployed in. Besides that:
 *   - `abis`: every ABI compiled from contracts/ by contract name, for interfaces and contracts
 *     the dApp reads at addresses it learns on chain;
 *   - `enums`: every Solidity enum under contracts/, member names in declaration order, from the
 *     compiler's AST (the ABI only says uint8);
 *   - `constants`: the role ids of contracts/access/Roles.sol and the party role flags of
 *     contracts/identity/PartyRoles.sol, evaluated from the AST;
 *   - `partyNames`: the demo seed's names of the local parties.
 * Run after `hardhat build` and after every deployment; the start and test commands do. Never
 * edit the output by hand.
 *
 *   node scripts/gen-contracts.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const artifactsDir = join(root, "artifacts");
const deploymentsDir = join(root, "ignition", "deployments");
const outFile = join(root, "app", "src", "generated", "deployedContracts.ts");

/** Libraries whose integer constants the dApp uses by name. */
const CONSTANT_LIBRARIES = ["Roles", "PartyRoles"];

interface Artifact {
  contractName: string;
  sourceName: string;
  abi: unknown[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function readAbis(): Record<string, unknown[]> {
  if (!existsSync(artifactsDir)) throw new Error("No artifacts/: run `npx hardhat build` first.");
  const abis: Record<string, unknown[]> = {};
  for (const file of walk(artifactsDir).sort()) {
    if (!file.endsWith(".json") || file.includes("build-info")) continue;
    const artifact = JSON.parse(readFileSync(file, "utf8")) as Artifact;
    if (!Array.isArray(artifact.abi) || artifact.abi.length === 0) continue;
    // The dApp needs the protocol's contracts and the npm files built on purpose, not tests.
    if (artifact.sourceName.startsWith("test/") || artifact.sourceName.endsWith(".t.sol")) continue;
    if (abis[artifact.contractName]) {
      throw new Error(`Two contracts named ${artifact.contractName}; give one another name.`);
    }
    abis[artifact.contractName] = artifact.abi;
  }
  return abis;
}

// --- Enums and constants, from the compiler's AST ---------------------------------------------

interface AstNode {
  nodeType: string;
  name?: string;
  nodes?: AstNode[];
  members?: AstNode[];
  [key: string]: unknown;
}

/** The AST of every source under contracts/, from the build-info outputs. */
function readProjectAsts(): AstNode[] {
  const dir = join(artifactsDir, "build-info");
  const asts = new Map<string, AstNode>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".output.json")) continue;
    const { output } = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
      output: { sources: Record<string, { ast: AstNode }> };
    };
    for (const [name, source] of Object.entries(output.sources)) {
      if (name.startsWith("project/contracts/")) asts.set(name, source.ast);
    }
  }
  return [...asts.keys()].sort().map((k) => asts.get(k)!);
}

/** "IReceivableToken.Status" → ["None", "Issued", …], for enums in contracts and at file level. */
function readEnums(asts: AstNode[]): Record<string, string[]> {
  const enums: Record<string, string[]> = {};
  const add = (key: string, node: AstNode) => {
    const members = (node.members ?? []).map((m) => m.name!);
    if (enums[key] && enums[key].join() !== members.join()) throw new Error(`Two different enums named ${key}.`);
    enums[key] = members;
  };
  for (const ast of asts) {
    for (const top of ast.nodes ?? []) {
      if (top.nodeType === "EnumDefinition") add(top.name!, top);
      if (top.nodeType !== "ContractDefinition") continue;
      for (const inner of top.nodes ?? []) {
        if (inner.nodeType === "EnumDefinition") add(`${top.name}.${inner.name}`, inner);
      }
    }
  }
  return enums;
}

/** Integer constants of the named libraries: literals, and `|`, `&`, `+` of earlier constants. */
function readConstants(asts: AstNode[]): Record<string, Record<string, { value: bigint; bits: number }>> {
  const out: Record<string, Record<string, { value: bigint; bits: number }>> = {};
  for (const ast of asts) {
    for (const lib of ast.nodes ?? []) {
      if (lib.nodeType !== "ContractDefinition" || !CONSTANT_LIBRARIES.includes(lib.name!)) continue;
      const byId = new Map<number, bigint>();
      const values: Record<string, { value: bigint; bits: number }> = {};
      const evaluate = (node: AstNode): bigint => {
        if (node.nodeType === "Literal" && node.kind === "number") return BigInt(node.value as string);
        if (node.nodeType === "Identifier" && byId.has(node.referencedDeclaration as number)) {
          return byId.get(node.referencedDeclaration as number)!;
        }
        if (node.nodeType === "BinaryOperation") {
          const [l, r] = [evaluate(node.leftExpression as AstNode), evaluate(node.rightExpression as AstNode)];
          if (node.operator === "|") return l | r;
          if (node.operator === "&") return l & r;
          if (node.operator === "+") return l + r;
        }
        throw new Error(`${lib.name}: cannot evaluate a ${node.nodeType} constant; extend gen-contracts.ts.`);
      };
      for (const v of lib.nodes ?? []) {
        if (v.nodeType !== "VariableDeclaration" || !v.constant) continue;
        const type = (v.typeDescriptions as { typeString: string }).typeString;
        const bits = /^uint(\d+)$/.exec(type)?.[1];
        if (!bits) throw new Error(`${lib.name}.${v.name} is a ${type}, not an unsigned integer.`);
        const value = evaluate(v.value as AstNode);
        byId.set(v.id as number, value);
        values[v.name!] = { value, bits: Number(bits) };
      }
      out[lib.name!] = values;
    }
  }
  for (const name of CONSTANT_LIBRARIES) if (!out[name]) throw new Error(`No library ${name} under contracts/.`);
  return out;
}

// --- Deployments ------------------------------------------------------------------------------

interface Deployed {
  address: string;
  contract: string;
  deployedOnBlock: number;
}

interface JournalEntry {
  type: string;
  futureId?: string;
  chainId?: number;
  receipt?: { blockNumber: number; contractAddress?: string };
}

// Each deployment folder becomes one chain's entry; the chain id comes from its journal, so
// custom deployment ids (`--deployment-id`) work too. The block of each contract is the one its
// deployment transaction was confirmed in, from the same journal.
function readDeployments(): Record<number, Record<string, Deployed>> {
  const byChain: Record<number, Record<string, Deployed>> = {};
  if (!existsSync(deploymentsDir)) return byChain;
  for (const entry of readdirSync(deploymentsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(deploymentsDir, entry.name);
    const addressesFile = join(dir, "deployed_addresses.json");
    const journalFile = join(dir, "journal.jsonl");
    if (!existsSync(addressesFile) || !existsSync(journalFile)) continue;
    const journal = readFileSync(journalFile, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as JournalEntry);
    const chainId = journal[0].chainId!;
    const blocks = new Map<string, number>();
    for (const e of journal) {
      if (e.type === "TRANSACTION_CONFIRM" && e.futureId && e.receipt?.contractAddress) {
        blocks.set(e.futureId, Number(e.receipt.blockNumber));
      }
    }
    const addresses = JSON.parse(readFileSync(addressesFile, "utf8")) as Record<string, string>;
    const chain = (byChain[chainId] ??= {});
    for (const [futureId, address] of Object.entries(addresses)) {
      const name = futureId.split("#")[1];
      const artifactFile = join(dir, "artifacts", `${futureId}.json`);
      const artifact = JSON.parse(readFileSync(artifactFile, "utf8")) as Artifact;
      if (chain[name] && chain[name].address !== address) {
        throw new Error(`Chain ${chainId} has two deployments of ${name}; remove the stale folder.`);
      }
      // A contract Ignition only referenced (contractAt) has no deployment transaction here.
      chain[name] = { address, contract: artifact.contractName, deployedOnBlock: blocks.get(futureId) ?? 0 };
    }
  }
  return byChain;
}

// Names the demo seed gave its parties (scripts/seed.ts), per chain; shown next to addresses.
function readPartyNames(): Record<string, string> {
  const file = join(deploymentsDir, "chain-31337", "demo-parties.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
}

// --- Output -----------------------------------------------------------------------------------

const abis = readAbis();
const asts = readProjectAsts();
const enums = readEnums(asts);
const constants = readConstants(asts);
const deployments = readDeployments();
const partyNames = readPartyNames();

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const indent = (text: string, by: string) => text.replaceAll("\n", `\n${by}`);

const abiLines = Object.entries(abis).map(
  ([name, abi]) => `  ${key(name)}: ${indent(JSON.stringify(abi, null, 2), "  ")},`,
);
const chainLines = Object.entries(deployments).map(([chainId, contracts]) => {
  const rows = Object.entries(contracts).map(([name, d]) => {
    if (!abis[d.contract]) throw new Error(`Deployment ${name} is a ${d.contract}, which the build does not have.`);
    return [
      `    ${key(name)}: {`,
      `      address: ${JSON.stringify(d.address)},`,
      `      abi: abis.${d.contract},`,
      `      deployedOnBlock: ${d.deployedOnBlock},`,
      `    },`,
    ].join("\n");
  });
  return `  ${chainId}: {\n${rows.join("\n")}\n  },`;
});
const constantLines = Object.entries(constants).map(([lib, values]) => {
  const rows = Object.entries(values).map(
    // viem decodes integers of up to 48 bits as numbers and wider ones as bigints; so do these.
    ([name, { value, bits }]) => `    ${name}: ${bits <= 48 ? value.toString() : `${value}n`},`,
  );
  return `  ${lib}: {\n${rows.join("\n")}\n  },`;
});

const source = `// Generated by scripts/gen-contracts.ts from artifacts/ and ignition/deployments/. Do not edit.

/** Every ABI compiled from contracts/ (and the npm contracts built on purpose), by contract name. */
export const abis = {
${abiLines.join("\n")}
} as const;

/** Per chain id, per deployment (Ignition future id): address, ABI and deployment block. */
const deployedContracts = {
${chainLines.join("\n")}
} as const;

export default deployedContracts;

/** Every Solidity enum under contracts/ ("Contract.Enum"), member names in declaration order. */
export const enums = ${JSON.stringify(enums, null, 2)} as const;

/** Integer constants of ${CONSTANT_LIBRARIES.join(" and ")}, as declared in contracts/. */
export const constants = {
${constantLines.join("\n")}
} as const;

/** Demo party names on the local chain (address → name); empty when no seed ran. */
export const partyNames: Record<string, string> = ${JSON.stringify(partyNames, null, 2)};
`;
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, source);
const summary = Object.entries(deployments)
  .map(([chainId, contracts]) => `chain ${chainId}: ${Object.keys(contracts).join(", ")}`)
  .join("; ");
console.log(
  `Wrote ${relative(root, outFile)}: ${Object.keys(abis).length} ABIs, ${Object.keys(enums).length} enums; ${summary || "no deployments yet"}`,
);
