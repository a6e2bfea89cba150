export * from "./accounts";
export * from "./topics";
export * from "./ratings";
export * from "./meetings";
export * from "./papers";
export * from "./recommendations";
export * from "./oparl";
