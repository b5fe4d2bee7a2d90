import { css } from "../shared/icr-element.js";
import { themeStyles } from "../shared/theme.styles.js";

export const leaderboardStyles =
  themeStyles +
  css`
    :host {
      /* One row per influencer shown (--icr-rows follows the limit), plus caption and header. */
      --icr-min-height: calc((var(--icr-rows, 10) + 2) * var(--icr-row-height, 2.25em));
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      text-align: end;
    }
    caption,
    [scope=row],
    th + th:nth-child(2) {
      text-align: start;
    }
    tr {
      height: var(--icr-row-height, 2.25em);
      border-bottom: 1px solid var(--icr-rule, #8883);
    }
    th,
    td {
      padding: 0 0.25em;
    }
  `;
