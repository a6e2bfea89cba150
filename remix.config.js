import { future } from "./remix-future.js";

// REMIX_BUILD_DIR lets parallel test runs build into their own folder (default: build/ and public/build/).
const out = process.env.REMIX_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: out ? `${out}/server/index.js` : "build/index.js",
  assetsBuildDirectory: out ? `${out}/public/build` : "public/build",
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  postcss: true,
  serverDependenciesToBundle: [],
  watchPaths: ["db/**/*.ts"],
  future,
};
