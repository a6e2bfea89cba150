import { future } from "../../remix-future.js";

// The benchmark's external yardstick (npm run bench): a bare Remix 2 app with one static route,
// built into tmp/ and served by remix-serve, so the portal's shell can be read against the framework.
const out = process.env.BARE_REMIX_BUILD_DIR ?? "../../tmp/bench/bare-remix";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: `${out}/build/index.js`,
  assetsBuildDirectory: `${out}/public/build`,
  publicPath: "/build/",
  serverModuleFormat: "esm",
  future,
};
