// Types of src/pixel.js for the app's tests (the extension itself is plain JavaScript).
export interface PixelEvent {
  id: string;
  timestamp: string;
  context?: { document?: { location?: { href?: string } } };
  data?: { checkout?: { token?: string | null; order?: { id?: string | null } | null } | null };
}
export interface PixelApi {
  analytics: { subscribe(name: string, callback: (event: PixelEvent) => void | Promise<void>): void };
  browser: {
    sendBeacon(url: string, body: string): Promise<boolean> | boolean;
    localStorage: { getItem(key: string): Promise<string | null> };
    cookie: { get(name: string): Promise<string> };
  };
  init?: { customerPrivacy?: { analyticsProcessingAllowed?: boolean }; context?: { document?: { location?: { href?: string } } } };
  customerPrivacy?: { subscribe?(name: string, callback: (event: { customerPrivacy?: { analyticsProcessingAllowed?: boolean } }) => void): void };
  settings?: { shopPublicKey?: string; appUrl?: string };
}
export interface PixelBody {
  eventId: string;
  event: string;
  clickId: string | null;
  checkoutToken: string | null;
  orderId: string | null;
  occurredAt: string;
}
export const FUNNEL_EVENTS: readonly string[];
export function clickIdFromUrl(href: string): string | null;
export function storedClickId(raw: string | null | undefined, now: number): string | null;
export function currentClickId(browser: PixelApi["browser"], href: string | undefined, now: number): Promise<string | null>;
export function eventBody(name: string, event: PixelEvent, clickId: string | null): PixelBody;
export function createPixel(api: PixelApi): void;
