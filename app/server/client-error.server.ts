import type { Socket } from "node:net";
import { closeWhenClientIsDone } from "./linger.server";

// How long what still arrives is read and dropped: until the client is quiet for a moment, at most a while.
const LINGER = { idleMs: 2_000, maxMs: 15_000 };
// Node's parser reports the error again for every chunk that still arrives: answered once.
const answered = new WeakSet<Socket>();

function statusLine(code: string | undefined) {
  if (code === "HPE_HEADER_OVERFLOW") return "431 Request Header Fields Too Large";
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return "408 Request Timeout";
  return "400 Bad Request";
}

/**
 * A request Node cannot parse (a header or URL over 16 KB, broken syntax) is answered before it
 * reaches Express. Node's default writes the answer and destroys the socket at once: when the
 * client is still sending (a long URL), the reset reaches it before the answer, and it sees a
 * broken connection instead of a 431 (found by the form fuzzer). Here the answer goes out, the
 * socket stops writing, and what still arrives is read and dropped until the client is quiet (bounded) before it closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = "Die Anfrage konnte nicht gelesen werden.";
  socket.end(
    `HTTP/1.1 ${statusLine(error.code)}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  closeWhenClientIsDone(socket, LINGER);
}
