import { createHash } from "node:crypto";
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import type { DocumentMimeType } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { RefusalError } from "~/lib/refusal";
import { classifyHead, containsMarkup, finalType, HEAD_BYTES, TAIL_BYTES, type Family, type UploadPurpose } from "./file-type.server";
import { startContent, type ContentWriter } from "./storage.server";

const e = t.documents.errors;
const FIELD_MAX_BYTES = 2_048;
const MAX_FIELDS = 20;

export type ReceivedFile = { contentId: number; size: number; sha512: string; mimeType: DocumentMimeType; fileName: string };
/** Decides, from the fields sent before the file, whether the file may be stored at all. */
export type BeforeFile = (fields: Map<string, string>) => Promise<void>;

/** The size limit in MB: FILE_MAX_MB for documents, SIGN_LANGUAGE_VIDEO_MAX_MB for the DGS video. */
export const uploadLimitMb = (purpose: UploadPurpose = "document") => (purpose === "signLanguageVideo" ? env().SIGN_LANGUAGE_VIDEO_MAX_MB : env().FILE_MAX_MB);
export const fileLimitBytes = (purpose: UploadPurpose = "document") => Math.floor(uploadLimitMb(purpose) * 1024 * 1024);

/**
 * Reads a multipart upload as it arrives: the fields before the file first (so the permission is
 * checked before a byte of the file is stored), then the file, chunk by chunk into storage, with
 * its SHA-512, the size limit and the type from its first and last bytes. Any refusal removes
 * what was stored. The form must put its fields before the file input.
 */
export async function receiveUpload(
  request: Request,
  beforeFile: BeforeFile,
  purpose: UploadPurpose = "document",
): Promise<{ fields: Map<string, string>; file: ReceivedFile }> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw new RefusalError(400, e.notMultipart);
  const tooLarge = () => new RefusalError(413, e.tooLarge(uploadLimitMb(purpose)));
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > fileLimitBytes(purpose) + 64 * 1024) throw tooLarge();
  const body = boundedBody(request, fileLimitBytes(purpose) + 64 * 1024, tooLarge);
  request = body.request;
  const fields = new Map<string, string>();
  let file: ReceivedFile | null = null;
  let writer: ContentWriter | null = null;
  let count = 0;
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      if (++count > MAX_FIELDS) throw new RefusalError(413, e.fieldTooLong);
      if (part.filename === undefined) {
        fields.set(part.name, await readField(part));
        return undefined;
      }
      if (part.name !== "file" || file || writer) throw new RefusalError(400, e.twoFiles);
      await beforeFile(fields);
      const result = await storeFile(part, purpose, (started) => (writer = started));
      file = result;
      return undefined;
    });
  } catch (error) {
    if (writer) await (writer as ContentWriter).discard();
    // The parser may report the counter's error as its own (a TypeError): the limit decides.
    if (body.exceeded()) throw tooLarge();
    if (error instanceof RefusalError) throw error;
    if (error instanceof TypeError) throw new RefusalError(400, e.notMultipart);
    // Remix's multipart parser cuts quoted names at "=" and ";" and then throws.
    if (error instanceof Error && error.message.startsWith("malformed content-disposition")) throw new RefusalError(400, e.malformedName);
    throw error;
  }
  if (!file) throw new RefusalError(400, e.noFile);
  return { fields, file };
}

/**
 * Counts every byte of the body, not only the file's: a body of preamble or fields is bounded too.
 * The socket is not cancelled with it (that would destroy it before the 413 goes out).
 */
function boundedBody(request: Request, limit: number, tooLarge: () => RefusalError) {
  let seen = 0;
  const exceeded = () => seen > limit;
  if (!request.body) return { request, exceeded };
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.length;
      if (seen > limit) controller.error(tooLarge());
      else controller.enqueue(chunk);
    },
  });
  const counted = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(counter, { preventCancel: true }),
    duplex: "half",
  } as RequestInit);
  return { request: counted, exceeded };
}

async function readField(part: UploadHandlerPart) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.data) {
    size += chunk.length;
    if (size > FIELD_MAX_BYTES) throw new RefusalError(413, e.fieldTooLong);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function storeFile(
  part: Pick<UploadHandlerPart, "data" | "filename" | "contentType">,
  purpose: UploadPurpose,
  started: (writer: ContentWriter) => void,
): Promise<ReceivedFile> {
  const limit = fileLimitBytes(purpose);
  const hash = createHash("sha512");
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let family: Family | null = null;
  let writer: ContentWriter | null = null;
  let size = 0;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const begin = async () => {
    const verdict = classifyHead(head, purpose);
    if (!verdict.ok) throw new RefusalError(verdict.reason === "empty" ? 400 : 422, e.type[verdict.reason]);
    family = verdict.value;
    writer = await startContent();
    started(writer);
    await accept(head);
  };
  const accept = async (bytes: Buffer) => {
    if (family === "text") {
      try {
        utf8.decode(bytes, { stream: true });
      } catch {
        throw new RefusalError(422, e.type.notUtf8);
      }
      if (bytes.includes(0) || containsMarkup(bytes)) throw new RefusalError(422, e.type.notUtf8);
    }
    await writer!.write(bytes);
  };
  for await (const chunk of part.data) {
    if (chunk.length === 0) continue;
    size += chunk.length;
    if (size > limit) throw new RefusalError(413, e.tooLarge(uploadLimitMb(purpose)));
    const bytes = Buffer.from(chunk);
    hash.update(bytes);
    tail = tail.length + bytes.length > TAIL_BYTES ? Buffer.concat([tail, bytes]).subarray(-TAIL_BYTES) : Buffer.concat([tail, bytes]);
    if (!writer) {
      head = Buffer.concat([head, bytes]);
      if (head.length >= HEAD_BYTES) await begin();
    } else await accept(bytes);
  }
  if (size === 0 && !part.filename) throw new RefusalError(400, e.noFile);
  if (!writer) await begin();
  const textHint = /\.csv$/i.test(part.filename ?? "") || part.contentType === "text/csv" ? "csv" : "plain";
  const type = finalType({ family: family!, head: head.subarray(0, HEAD_BYTES), tail, size, textHint });
  if (!type.ok) throw new RefusalError(422, e.type[type.reason]);
  await writer!.finish();
  return { contentId: writer!.id, size, sha512: hash.digest("hex"), mimeType: type.value, fileName: part.filename ?? "" };
}
