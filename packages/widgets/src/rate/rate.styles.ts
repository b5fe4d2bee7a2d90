import { css } from "../shared/icr-element.js";
import { themeStyles } from "../shared/theme.styles.js";

export const rateStyles =
  themeStyles +
  css`
    :host {
      --icr-min-height: 7rem;
    }
    [part~=change] {
      font-size: 0.5em;
    }
  `;
