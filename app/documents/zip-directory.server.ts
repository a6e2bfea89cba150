import type { TypeVerdict } from "./file-type.server";

/** Bounds against zip bombs, checked on the central directory before anything unpacks it. */
export const ZIP_MAX_ENTRIES = 5_000;
export const ZIP_MAX_UNCOMPRESSED = 300 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Entry names of a zip from its end-of-central-directory record and central directory, both of
 * which must lie in `tail` (the file's last bytes). Zip64, entry counts and declared sizes past
 * the bounds above are refused as a zip bomb.
 */
export function inspectZip(tail: Uint8Array, size: number): TypeVerdict<string[]> {
  const view = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 65_535); at--) {
    if (view.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "truncated" };
  const entries = view.readUInt16LE(eocd + 10);
  const directorySize = view.readUInt32LE(eocd + 12);
  const directoryOffset = view.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return { ok: false, reason: "zipBomb" };
  if (entries > ZIP_MAX_ENTRIES) return { ok: false, reason: "zipBomb" };
  const tailStart = size - view.length;
  let at = directoryOffset - tailStart;
  if (at < 0 || directoryOffset + directorySize > size) return { ok: false, reason: at < 0 ? "zipBomb" : "truncated" };
  const names: string[] = [];
  let uncompressedTotal = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: "truncated" };
    const compressed = view.readUInt32LE(at + 20);
    const uncompressed = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: "zipBomb" };
    uncompressedTotal += uncompressed;
    if (uncompressedTotal > ZIP_MAX_UNCOMPRESSED) return { ok: false, reason: "zipBomb" };
    if (uncompressed > 1024 * 1024 && uncompressed > compressed * ZIP_MAX_RATIO) return { ok: false, reason: "zipBomb" };
    names.push(view.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, value: names };
}
