// The framework patches of scripts/patches (docs/decisions/102), loaded the way the server loads
// them (CommonJS from node_modules): each keeps what it derives, and matching stays right.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
type RouteObject = { id: string; path?: string; index?: boolean; children?: RouteObject[] };
type Match = { route: { id: string }; params: Record<string, string | undefined> };
const router = require("@remix-run/router") as {
  matchRoutes: (routes: RouteObject[], location: string) => Match[] | null;
  matchPath: (pattern: string, pathname: string) => { params: Record<string, string> } | null;
  createMemoryHistory: () => unknown;
  createRouter: (init: {
    routes: RouteObject[];
    history: unknown;
    patchRoutesOnNavigation: (args: { path: string; patch: (id: string, children: RouteObject[]) => void }) => void;
  }) => { initialize: () => ClientRouter };
};
type ClientRouter = { navigate: (to: string) => Promise<void>; state: { matches: Match[] }; dispose: () => void };
const { createEntryRouteModules } = require("@remix-run/server-runtime/dist/entry.js") as {
  createEntryRouteModules: (manifest: Record<string, { module: unknown }>) => Record<string, unknown>;
};
const { createServerRoutes } = require("@remix-run/react/dist/routes.js") as {
  createServerRoutes: (manifest: Record<string, unknown>, modules: Record<string, unknown>, future: object, isSpaMode: boolean) => RouteObject[];
};
const { createStaticRouter } = require("react-router-dom/server.js") as {
  createStaticRouter: (routes: RouteObject[], context: { matches: Match[] }) => { routes: RouteObject[] };
};

const ids = (matches: Match[] | null) => matches?.map((m) => m.route.id) ?? null;

function portalLikeRoutes(): RouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      children: [
        { id: "start", index: true },
        { id: "topics", path: "themen" },
        { id: "topic", path: "themen/:slug" },
        { id: "topicNew", path: "themen/neu" },
        { id: "files", path: "dokumente/*" },
      ],
    },
  ];
}

describe("framework patches (decision 102)", () => {
  it("matches the same routes array again and again with the same result", () => {
    const routes = portalLikeRoutes();
    for (let round = 0; round < 3; round++) {
      expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "start"]);
      expect(ids(router.matchRoutes(routes, "/themen/neu"))).toEqual(["root", "topicNew"]);
      const topic = router.matchRoutes(routes, "/themen/ki-im-rathaus");
      expect(ids(topic)).toEqual(["root", "topic"]);
      expect(topic?.[1].params.slug).toBe("ki-im-rathaus");
      expect(router.matchRoutes(routes, "/dokumente/a/b")?.[1].params["*"]).toBe("a/b");
      expect(router.matchRoutes(routes, "/unbekannt")).toBeNull();
    }
    expect(router.matchPath("/sitzungen/:id", "/sitzungen/7")?.params.id).toBe("7");
    expect(router.matchPath("/sitzungen/:id", "/sitzungen")).toBeNull();
  });

  it("forgets the kept branches when a navigation adds routes to the array it matches", async () => {
    // Route discovery patches the routes in place and matches the same array again.
    const client = router
      .createRouter({
        routes: portalLikeRoutes(),
        history: router.createMemoryHistory(),
        patchRoutesOnNavigation: ({ path, patch }) => {
          if (path === "/neu") patch("root", [{ id: "added", path: "neu" }]);
        },
      })
      .initialize();
    try {
      expect(ids(client.state.matches)).toEqual(["root", "start"]);
      await client.navigate("/neu");
      expect(ids(client.state.matches)).toEqual(["root", "added"]);
    } finally {
      client.dispose();
    }
  });

  it("keeps one route-module map, one server route tree and one set of data routes per build", () => {
    const build = { root: { module: { default: () => null } }, "routes/themen": { module: { default: () => null } } };
    const modules = createEntryRouteModules(build);
    expect(createEntryRouteModules(build)).toBe(modules);
    expect(modules["routes/themen"]).toBe(build["routes/themen"].module);

    const manifest = {
      root: { id: "root", path: "", hasLoader: true },
      "routes/themen": { id: "routes/themen", parentId: "root", path: "themen", hasLoader: false },
    };
    const future = {};
    const serverRoutes = createServerRoutes(manifest, modules, future, false);
    expect(createServerRoutes(manifest, modules, future, false)).toBe(serverRoutes);
    expect(serverRoutes[0].children?.map((r) => r.id)).toEqual(["routes/themen"]);
    expect(createServerRoutes(manifest, modules, future, true)).not.toBe(serverRoutes);

    const context = { matches: [] };
    expect(createStaticRouter(serverRoutes, context).routes).toBe(createStaticRouter(serverRoutes, context).routes);
  });
});
