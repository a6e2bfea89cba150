// @ts-check
import { Inflate } from "fflate";
import { ExtractionFailure } from "./failure.mjs";

/**
 * A small ZIP reader for office files (ODT/ODS/DOCX/XLSX) that enforces zip-bomb limits while it
 * inflates: the number of entries, each entry's size, the total, and the compression ratio are
 * checked after every small slice of compressed input, so a bomb is refused after a few MB of
 * output, never after inflating it. Sizes in the headers are checked first but not trusted.
 *
 * @typedef {{ maxEntries: number; maxEntryBytes: number; maxTotalBytes: number; maxRatio: number }} ZipLimits
 * @typedef {{ name: string; method: number; flags: number; compressedSize: number; declaredSize: number; localOffset: number }} ZipEntry
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// Deflate expands at most ~1032:1, so 4 KB of input yields at most ~4 MB before the next check.
const SLICE = 4096;
// Below this much output the ratio is not judged (small files compress well too).
const RATIO_GRACE_BYTES = 1 << 20;

/**
 * @param {Uint8Array} bytes
 * @param {ZipLimits} limits
 */
export function openZip(bytes, limits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, limits);
  let inflatedTotal = 0;

  return {
    names: () => [...entries.keys()],
    /**
     * The entry's bytes, or null if there is no such entry.
     * @param {string} name
     */
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const data = inflateEntry(bytes, view, entry, limits, inflatedTotal);
      inflatedTotal += data.byteLength;
      return data;
    },
  };
}

/**
 * @param {Uint8Array} bytes
 * @param {DataView} view
 * @param {ZipLimits} limits
 */
function readCentralDirectory(bytes, view, limits) {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ExtractionFailure("unreadable", "no ZIP end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ExtractionFailure("unreadable", "ZIP64 is not supported");
  if (count > limits.maxEntries) throw new ExtractionFailure("zip-limits", `${count} entries (at most ${limits.maxEntries})`);

  const decoder = new TextDecoder();
  /** @type {Map<string, ZipEntry>} */
  const entries = new Map();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ExtractionFailure("unreadable", "broken ZIP central directory");
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * @param {Uint8Array} bytes
 * @param {DataView} view
 * @param {ZipEntry} entry
 * @param {ZipLimits} limits
 * @param {number} inflatedBefore
 */
function inflateEntry(bytes, view, entry, limits, inflatedBefore) {
  const { name } = entry;
  if (entry.flags & 1) throw new ExtractionFailure("encrypted", `${name} is encrypted`);
  if (entry.declaredSize > limits.maxEntryBytes) {
    throw new ExtractionFailure("zip-limits", `${name} declares ${entry.declaredSize} bytes (at most ${limits.maxEntryBytes})`);
  }
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ExtractionFailure("unreadable", `broken local header of ${name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) throw new ExtractionFailure("unreadable", `${name} is cut off`);
  if (entry.method === 0) return compressed;
  if (entry.method !== 8) throw new ExtractionFailure("unreadable", `${name} uses compression method ${entry.method}`);

  /** @type {Uint8Array[]} */
  const chunks = [];
  let produced = 0;
  let consumed = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    produced += chunk.length;
    const refusal = overLimit(entry, limits, produced, consumed, inflatedBefore);
    if (refusal) throw new ExtractionFailure("zip-limits", `${refusal} after ${produced} bytes inflated`);
    chunks.push(chunk);
    ended = final;
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += SLICE) {
      const slice = compressed.subarray(offset, offset + SLICE);
      consumed += slice.length;
      inflate.push(slice, offset + SLICE >= compressed.length);
    }
  } catch (error) {
    if (error instanceof ExtractionFailure) throw error;
    throw new ExtractionFailure("unreadable", `${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!ended && compressed.length > 0) throw new ExtractionFailure("unreadable", `${name} ends early`);
  return concat(chunks, produced);
}

/**
 * @param {ZipEntry} entry
 * @param {ZipLimits} limits
 * @param {number} produced
 * @param {number} consumed
 * @param {number} inflatedBefore
 */
function overLimit(entry, limits, produced, consumed, inflatedBefore) {
  if (produced > entry.declaredSize) return `${entry.name} is larger than its header says (${entry.declaredSize} bytes)`;
  if (produced > limits.maxEntryBytes) return `${entry.name} exceeds ${limits.maxEntryBytes} bytes`;
  if (inflatedBefore + produced > limits.maxTotalBytes) return `the files exceed ${limits.maxTotalBytes} bytes together`;
  if (produced > RATIO_GRACE_BYTES && produced / consumed > limits.maxRatio) return `${entry.name} expands more than ${limits.maxRatio}:1`;
  return null;
}

/**
 * @param {Uint8Array[]} chunks
 * @param {number} length
 */
function concat(chunks, length) {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
