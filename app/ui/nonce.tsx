import { createContext, useContext } from "react";

// The request's CSP nonce, set by entry.server.tsx; empty in the browser (React keeps the
// server-rendered attribute; browsers hide nonce values from the DOM anyway).
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
