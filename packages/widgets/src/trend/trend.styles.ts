import { css } from "../shared/icr-element.js";
import { themeStyles } from "../shared/theme.styles.js";

export const trendStyles =
  themeStyles +
  css`
    :host {
      --icr-min-height: 10rem;
    }
    svg {
      height: var(--icr-chart-height, 7em);
      margin: 0.5em 0;
      border-bottom: 1px solid var(--icr-rule, #8883);
    }
    [part~=axis] {
      display: flex;
      justify-content: space-between;
    }
  `;
