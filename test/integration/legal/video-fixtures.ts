// The first bytes of a WebM and an MP4 as encoders write them: enough for the type check, which
// reads only the header (the browser test plays a real recording).

/** EBML header with DocType "webm", then a Segment of unknown size and filler. */
export function webmBytes(size = 4096) {
  const header = Buffer.from([
    ...[0x42, 0x86, 0x81, 0x01], // EBMLVersion 1
    ...[0x42, 0xf7, 0x81, 0x01], // EBMLReadVersion 1
    ...[0x42, 0xf2, 0x81, 0x04], // EBMLMaxIDLength 4
    ...[0x42, 0xf3, 0x81, 0x08], // EBMLMaxSizeLength 8
    ...[0x42, 0x82, 0x84, ...Buffer.from("webm")], // DocType
    ...[0x42, 0x87, 0x81, 0x04], // DocTypeVersion 4
    ...[0x42, 0x85, 0x81, 0x02], // DocTypeReadVersion 2
  ]);
  const start = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length]), header]);
  const segment = Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  return Buffer.concat([start, segment, Buffer.alloc(Math.max(0, size - start.length - segment.length), 0xec)]);
}

/** An `ftyp` box (major brand isom, compatible isom/avc1/mp41), then a `free` box of filler. */
export function mp4Bytes(size = 4096) {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 28]), Buffer.from("ftypisom"), Buffer.from([0, 0, 2, 0]), Buffer.from("isomavc1mp41")]);
  const free = Buffer.alloc(Math.max(8, size - ftyp.length));
  free.writeUInt32BE(free.length, 0);
  free.write("free", 4, "latin1");
  return Buffer.concat([ftyp, free]);
}
