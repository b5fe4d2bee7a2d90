import { defineElement } from "../shared/define.js";
import { IcrInfluencerCard } from "./influencer-card.component.js";

export { IcrInfluencerCard };
defineElement("icr-influencer-card", IcrInfluencerCard);

declare global {
  interface HTMLElementTagNameMap {
    "icr-influencer-card": IcrInfluencerCard;
  }
}
