import { css } from "../shared/icr-element.js";
import { themeStyles } from "../shared/theme.styles.js";

export const calculatorStyles =
  themeStyles +
  css`
    :host {
      --icr-min-height: 9rem;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
    }
    input {
      display: block;
      width: 8em;
      font: inherit;
    }
    output {
      display: grid;
      flex-basis: 100%;
    }
  `;
