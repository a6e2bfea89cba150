import { accounts } from "./accounts";
import { common } from "./common";

/** All German UI text; an English translation would be a sibling folder with the same shape. */
export const de = { common, accounts };
export const t = de;
