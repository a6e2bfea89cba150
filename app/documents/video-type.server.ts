/**
 * MP4 and WebM recognised by their first bytes (docs/decisions/092), for the one purpose that
 * takes video: the operator's DGS video. Every other upload keeps refusing video.
 */
export type VideoFamily = "mp4" | "webm";

/** Brands of ISO BMFF files a browser plays as MP4 (H.264/AAC and the generic ISO brands). */
const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V "]);
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const DOC_TYPE_ID = 0x4282;

export function videoFamily(head: Uint8Array): VideoFamily | null {
  if (isMp4(head)) return "mp4";
  if (isWebm(head)) return "webm";
  return null;
}

/** An `ftyp` box first, with an MP4 brand as major or compatible brand. */
function isMp4(head: Uint8Array) {
  if (head.length < 16) return false;
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const size = bytes.readUInt32BE(0);
  if (bytes.toString("latin1", 4, 8) !== "ftyp" || size < 16 || size > Math.min(bytes.length, 4096)) return false;
  const brands = [bytes.toString("latin1", 8, 12)];
  for (let offset = 16; offset + 4 <= size; offset += 4) brands.push(bytes.toString("latin1", offset, offset + 4));
  return brands.some((brand) => MP4_BRANDS.has(brand));
}

/** An EBML header whose DocType element says "webm". */
function isWebm(head: Uint8Array) {
  if (!EBML.every((byte, index) => head[index] === byte)) return false;
  const headerSize = readVint(head, 4, true);
  if (!headerSize) return false;
  let offset = 4 + headerSize.length;
  const end = Math.min(head.length, offset + headerSize.value);
  while (offset < end) {
    const id = readVint(head, offset, false);
    if (!id) return false;
    const size = readVint(head, offset + id.length, true);
    if (!size) return false;
    const data = offset + id.length + size.length;
    if (data + size.value > end) return false;
    if (id.value === DOC_TYPE_ID)
      return (
        Buffer.from(head.subarray(data, data + size.value))
          .toString("latin1")
          .replace(/\0+$/, "") === "webm"
      );
    offset = data + size.value;
  }
  return false;
}

/** An EBML variable-length integer; element ids keep their length marker, sizes drop it. */
function readVint(bytes: Uint8Array, offset: number, dropMarker: boolean): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = dropMarker ? first & (0xff >> length) : first;
  for (let index = 1; index < length; index++) value = value * 256 + bytes[offset + index];
  return { value, length };
}
