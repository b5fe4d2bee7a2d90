import { defineElement } from "../shared/define.js";
import { IcrRate } from "./rate.component.js";

export { IcrRate };
defineElement("icr-rate", IcrRate);

declare global {
  interface HTMLElementTagNameMap {
    "icr-rate": IcrRate;
  }
}
