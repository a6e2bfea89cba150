import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { oparlMethodResponse, oparlResponse } from "~/oparl/export/respond.server";

/** Every other OParl URL (Body, lists, objects); the domain reads the path. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return oparlResponse(request, params["*"]);
}

export function action({ request }: ActionFunctionArgs) {
  return oparlMethodResponse(request);
}
