import { accounts } from "./accounts";
import { common } from "./common";
import { topics } from "./topics";

/** All German UI text; an English translation would be a sibling folder with the same shape. */
export const de = { common, accounts, topics };
export const t = de;
