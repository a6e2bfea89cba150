import { accounts } from "./accounts";
import { common } from "./common";
import { commitments } from "./commitments";
import { dashboard } from "./dashboard";
import { easyLanguage } from "./easy-language";
import { documents } from "./documents";
import { legal } from "./legal";
import { mail } from "./mail";
import { notifications } from "./notifications";
import { meetings } from "./meetings";
import { oparl } from "./oparl";
import { operations } from "./operations";
import { papers } from "./papers";
import { processingRecord } from "./processing-record";
import { ratings } from "./ratings";
import { recommendations } from "./recommendations";
import { retention } from "./retention";
import { security } from "./security";
import { signLanguage } from "./sign-language";
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
  easyLanguage,
  signLanguage,
  retention,
  processingRecord,
  commitments,
  documents,
};
export const t = de;
