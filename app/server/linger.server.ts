import type { Socket } from "node:net";

/**
 * Closes a connection whose answer is already written while the client may still be sending
 * (an upload refused early, a URL over 16 KB). Destroying the socket at once makes the kernel
 * reset the connection, and a client still sending sees EPIPE instead of the answer. Here the
 * socket stops writing and reads on, dropping what arrives, until the client closes or has been
 * quiet for `idleMs`, at most `maxMs`.
 */
export function closeWhenClientIsDone(socket: Socket, { idleMs, maxMs }: { idleMs: number; maxMs: number }) {
  if (socket.writable) socket.end();
  socket.on("error", () => {});
  const close = () => socket.destroy();
  let idle = setTimeout(close, idleMs).unref();
  setTimeout(close, maxMs).unref();
  socket.on("data", () => {
    clearTimeout(idle);
    idle = setTimeout(close, idleMs).unref();
  });
  socket.resume();
}
