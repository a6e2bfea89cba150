// Tables for this domain are added by its issue.
export {};
