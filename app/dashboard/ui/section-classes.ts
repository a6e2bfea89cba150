import type { ListSectionClasses } from "~/ui/list-section";

/** The dashboard's lists look alike: spaced from the one above, a grey "none yet", spaced items. */
export const dashboardList: ListSectionClasses = { section: "mt-6", empty: "text-slate-700", list: "space-y-2" };
