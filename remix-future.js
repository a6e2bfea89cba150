// Remix's future flags, one list for the portal (remix.config.js) and the benchmark's bare Remix app
// (bench/bare-remix/remix.config.js): the yardstick is built as the portal is, so the bench compares
// the pages, not the flags.
export const future = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_lazyRouteDiscovery: false,
  v3_singleFetch: false,
};
