// What the editing actions answer, shared by the actions and their forms (types only, safe for client code).
import type { ActionFailure, ActionResult } from "../actions/result";
import type { ConflictInfo } from "../writes/conflict";

export type { ConflictInfo, MeanwhileChange } from "../writes/conflict";

export interface BulkProblem {
  code: string;
  problem: "forbidden" | "conflict" | "not-found";
}

export type EditingFailure = ActionFailure & {
  /** set when code is "conflict": what changed since the version the form was loaded at */
  conflict?: ConflictInfo;
  /** bulk only: the items that stopped the whole batch */
  items?: BulkProblem[];
};

export type EditingState<T = undefined> = ActionResult<T> | EditingFailure | null;
