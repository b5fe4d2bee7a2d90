import { defineElement } from "../shared/define.js";
import { IcrTrend } from "./trend.component.js";

export { IcrTrend };
defineElement("icr-trend", IcrTrend);

declare global {
  interface HTMLElementTagNameMap {
    "icr-trend": IcrTrend;
  }
}
