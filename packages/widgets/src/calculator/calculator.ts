import { defineElement } from "../shared/define.js";
import { IcrCalculator } from "./calculator.component.js";

export { IcrCalculator };
defineElement("icr-calculator", IcrCalculator);

declare global {
  interface HTMLElementTagNameMap {
    "icr-calculator": IcrCalculator;
  }
}
