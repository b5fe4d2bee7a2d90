import { css } from "./icr-element.js";

/**
 * What every widget shares. Box styling (border, padding, background, font) is left to the page,
 * which styles the element itself (`icr-rate { padding: 1rem }` beats `:host`); the custom
 * properties color what the page cannot reach: secondary text, notes, rises and falls, lines.
 * `--icr-min-height` reserves room before data arrives, so nothing below the widget jumps.
 */
export const themeStyles = css`
  :host {
    display: block;
    contain: content;
    min-height: var(--icr-min-height);
    font-variant-numeric: tabular-nums;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    margin: 0;
  }
  [part~=status],
  [part~=meta],
  [part~=interval],
  [part~=platform],
  dt,
  thead {
    color: var(--icr-muted, #6b7280);
    font-size: 0.875em;
  }
  [part~=note],
  [part~=flag],
  [part~=error] {
    color: var(--icr-warning, #b45309);
  }
  [part~=value] {
    font-size: var(--icr-value-size, 2em);
    font-weight: 700;
  }
  [part~=up] {
    color: var(--icr-positive, #15803d);
  }
  [part~=down] {
    color: var(--icr-negative, #b91c1c);
  }
  svg {
    display: block;
    width: 100%;
    fill: none;
    stroke: var(--icr-accent, currentColor);
    stroke-width: 2;
  }
`;
