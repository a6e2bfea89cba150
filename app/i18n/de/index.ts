import { accounts } from "./accounts";
import { common } from "./common";
import { dashboard } from "./dashboard";
import { documents } from "./documents";
import { legal } from "./legal";
import { mail } from "./mail";
import { notifications } from "./notifications";
import { meetings } from "./meetings";
import { oparl } from "./oparl";
import { operations } from "./operations";
import { papers } from "./papers";
import { ratings } from "./ratings";
import { recommendations } from "./recommendations";
import { security } from "./security";
import { topics } from "./topics";

/** All German UI text; an English translation would be a sibling folder with the same shape. */
export const de = {
  common,
  dashboard,
  accounts,
  legal,
  topics,
  ratings,
  recommendations,
  meetings,
  papers,
  oparl,
  mail,
  notifications,
  security,
  operations,
  documents,
};
export const t = de;
