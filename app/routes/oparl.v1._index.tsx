import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { oparlMethodResponse, oparlResponse } from "~/oparl/export/respond.server";

/** OParl 1.1 entry point: the System object. */
export function loader({ request }: LoaderFunctionArgs) {
  return oparlResponse(request, "");
}

export function action({ request }: ActionFunctionArgs) {
  return oparlMethodResponse(request);
}
