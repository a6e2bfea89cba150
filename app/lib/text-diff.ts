/**
 * A readable diff of two texts: lines first, then words inside each changed block, so a
 * rewritten sentence shows the changed words rather than a whole removed and added paragraph.
 */

export type DiffPart = { type: "equal" | "insert" | "delete"; text: string };

type Op = { type: DiffPart["type"]; token: string };

/** Myers' O(ND) shortest edit script over two token lists. */
export function diffTokens(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        v = next;
        trace.push(v);
        break outer;
      }
    }
    v = next;
  }
  return backtrack(trace, a, b, offset);
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  // trace[d] holds the furthest x per diagonal before step d; the final entry is the finished state.
  for (let d = trace.length - 2; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = d === 0 ? 0 : k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ type: "equal", token: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ type: "insert", token: b[y - 1] });
      else ops.push({ type: "delete", token: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function merge(ops: Op[], joiner = ""): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts[parts.length - 1];
    if (last && last.type === op.type) last.text += joiner + op.token;
    else parts.push({ type: op.type, text: op.token });
  }
  return parts;
}

const MAX_WORD_DIFF_TOKENS = 3000;
const splitLines = (text: string) => text.replace(/\r\n/g, "\n").split(/(?<=\n)/);
const splitWords = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/** Word-level changes inside line blocks that were replaced; unchanged lines stay whole. */
export function diffText(before: string, after: string): DiffPart[] {
  const lineOps = diffTokens(splitLines(before), splitLines(after));
  const result: DiffPart[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const before = splitWords(removed.join(""));
    const after = splitWords(added.join(""));
    // Word diff memory grows with the square of the block; huge rewrites show as whole blocks.
    if (before.length + after.length > MAX_WORD_DIFF_TOKENS) {
      result.push({ type: "delete", text: removed.join("") }, { type: "insert", text: added.join("") });
    } else if (before.length || after.length) {
      result.push(...joinChangeRuns(merge(diffTokens(before, after))));
    }
    removed = [];
    added = [];
  };
  for (const op of lineOps) {
    if (op.type === "delete") removed.push(op.token);
    else if (op.type === "insert") added.push(op.token);
    else {
      flush();
      result.push({ type: "equal", text: op.token });
    }
  }
  flush();
  return compact(result);
}

/** "die zehn häufigsten" reads better as one insertion than as three joined by unchanged spaces. */
function joinChangeRuns(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i].type === "equal") {
      out.push(parts[i++]);
      continue;
    }
    let deleted = "";
    let inserted = "";
    while (i < parts.length) {
      const part = parts[i];
      const bridge = part.type === "equal" && /^\s+$/.test(part.text) && i + 1 < parts.length && parts[i + 1].type !== "equal";
      if (part.type === "delete") deleted += part.text;
      else if (part.type === "insert") inserted += part.text;
      else if (bridge) {
        deleted += part.text;
        inserted += part.text;
      } else break;
      i++;
    }
    if (deleted) out.push({ type: "delete", text: deleted });
    if (inserted) out.push({ type: "insert", text: inserted });
  }
  return out;
}

function compact(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.type === part.type) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

export function hasChanges(parts: readonly DiffPart[]) {
  return parts.some((part) => part.type !== "equal");
}
