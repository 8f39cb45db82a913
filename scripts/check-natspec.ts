// NatSpec checker for contracts/interfaces/*.sol, run by `npm run lint`.
//
// Every function, event and custom error declared there must carry an explicit `@notice`, a
// `@param` for each named parameter and (functions only) one `@return` per return value, each
// `@return name description` (named return values by their own name); a `@param` naming no
// parameter is reported too. Structs and enums need a `@notice`. A declaration documented with
// `@inheritdoc` only is taken as documented (solc checks that the base declares it).
//
// It reads the sources, not the compiler's output: Hardhat 3's default output selection has no
// `devdoc`/`userdoc`, and lint runs without a build. The doc comment of a declaration is the run of
// `///` lines (or one `/** */` block) right before it, as solc takes it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const DIR = "contracts/interfaces";
const KEYWORDS = new Set(["indexed", "memory", "calldata", "storage", "payable"]);

interface Doc {
  notice: boolean;
  inheritdoc: boolean;
  params: string[];
  returns: string[]; // first word of each @return
  unnamedReturns: string[]; // @return lines not of the form `@return name description`
}

// Blank out comments and string literals (keeping offsets and newlines) so the scan for
// declarations sees code only.
function codeOnly(src: string): string {
  return src.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"/g, (m) => m.replace(/[^\n]/g, " "));
}

function parseDoc(lines: string[]): Doc {
  const doc: Doc = { notice: false, inheritdoc: false, params: [], returns: [], unnamedReturns: [] };
  for (const line of lines) {
    const m = /^@(\w+)(?::\w+)?\s*(\S*)/.exec(line.trim());
    if (!m) continue;
    if (m[1] === "notice") doc.notice = true;
    else if (m[1] === "inheritdoc") doc.inheritdoc = true;
    else if (m[1] === "param") doc.params.push(m[2]);
    else if (m[1] === "return") {
      doc.returns.push(m[2]);
      // A name, then what it is: `@return shares The shares minted.`
      if (!/^@return\s+[a-z_$][\w$]*\s+\S/.test(line.trim())) doc.unnamedReturns.push(line.trim());
    }
  }
  return doc;
}

// The doc comment right before `offset` (only whitespace between), as lines without markers.
function docBefore(src: string, offset: number): string[] {
  const before = src.slice(0, offset).replace(/\s+$/, "");
  if (before.endsWith("*/")) {
    const start = before.lastIndexOf("/**");
    if (start < 0) return [];
    return before
      .slice(start + 3, -2)
      .split("\n")
      .map((l) => l.replace(/^\s*\*?\s?/, ""));
  }
  const lines = before.split("\n");
  const out: string[] = [];
  let i = lines.length - 1;
  // A plain `//` comment (e.g. `// solhint-disable-next-line`) between the doc and the
  // declaration is skipped, as solc does.
  while (i >= 0 && /^\s*\/\/(?!\/)/.test(lines[i])) i--;
  for (; i >= 0; i--) {
    const m = /^\s*\/\/\/(?!\/)(.*)$/.exec(lines[i]);
    if (!m) break;
    out.unshift(m[1]);
  }
  return out;
}

// Text between the parenthesis at `open` and its match; returns [inner, indexAfterClose].
function balanced(code: string, open: number): [string, number] {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")" && --depth === 0) return [code.slice(open + 1, i), i + 1];
  }
  throw new Error(`unbalanced parenthesis at ${open}`);
}

// Names of a parameter list, `null` for unnamed ones.
function paramNames(list: string): (string | null)[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of list) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => {
    const words = p
      .trim()
      .split(/\s+/)
      .filter((w) => !KEYWORDS.has(w));
    return words.length >= 2 ? words[words.length - 1] : null;
  });
}

const problems: string[] = [];
let checked = 0;
for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith(".sol"))
  .sort()) {
  const path = join(DIR, file);
  const src = readFileSync(path, "utf8");
  const code = codeOnly(src);
  const decl = /\b(function|event|error|struct|enum)\s+([A-Za-z_$][\w$]*)\s*([({])/g;
  for (let m; (m = decl.exec(code));) {
    const [, kind, name] = m;
    const line = src.slice(0, m.index).split("\n").length;
    const where = `${path}:${line} ${kind} ${name}`;
    const doc = parseDoc(docBefore(src, m.index));
    checked++;
    if (kind === "struct" || kind === "enum") {
      if (!doc.notice) problems.push(`${where}: no @notice`);
      continue;
    }
    if (doc.inheritdoc && !doc.notice && doc.params.length === 0 && doc.returns.length === 0) continue;
    if (!doc.notice) problems.push(`${where}: no @notice`);
    const [list, after] = balanced(code, m.index + m[0].length - 1);
    const params = paramNames(list);
    for (const p of params) if (p && !doc.params.includes(p)) problems.push(`${where}: no @param ${p}`);
    for (const p of doc.params) if (!params.includes(p)) problems.push(`${where}: @param ${p} names no parameter`);
    if (kind !== "function") {
      if (doc.returns.length) problems.push(`${where}: @return on a ${kind}`);
      continue;
    }
    const end = code.indexOf(";", after);
    const rm = /\breturns\s*\(/.exec(code.slice(after, end));
    const rets = rm ? paramNames(balanced(code, after + rm.index + rm[0].length - 1)[0]) : [];
    for (const r of doc.unnamedReturns) problems.push(`${where}: "${r}" does not name the value`);
    if (doc.returns.length !== rets.length)
      problems.push(`${where}: ${rets.length} return value(s), ${doc.returns.length} @return`);
    rets.forEach((r, i) => {
      if (r && doc.returns[i] !== r) problems.push(`${where}: @return #${i + 1} should start with its name ${r}`);
    });
  }
}

if (problems.length) {
  console.error(`check-natspec: ${problems.length} problem(s) in ${DIR}:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`check-natspec: ${checked} declarations in ${DIR} documented`);
