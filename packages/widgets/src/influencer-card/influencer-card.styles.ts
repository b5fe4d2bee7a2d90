import { css } from "../shared/icr-element.js";
import { themeStyles } from "../shared/theme.styles.js";

export const influencerCardStyles =
  themeStyles +
  css`
    :host {
      --icr-min-height: 9rem;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
      margin: 0.5em 0;
    }
    dd {
      margin: 0;
      font-weight: 700;
    }
    svg {
      height: var(--icr-sparkline-height, 2em);
    }
  `;
