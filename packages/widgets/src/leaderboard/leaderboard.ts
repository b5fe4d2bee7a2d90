import { defineElement } from "../shared/define.js";
import { IcrLeaderboard } from "./leaderboard.component.js";

export { IcrLeaderboard };
defineElement("icr-leaderboard", IcrLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    "icr-leaderboard": IcrLeaderboard;
  }
}
